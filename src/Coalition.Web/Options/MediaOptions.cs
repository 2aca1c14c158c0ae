using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The media library: where files are kept and how large uploads may be. Section <c>Media</c>.</summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>Where the files are kept: <c>Local</c> (the folder <see cref="DataFolder"/>, one machine) or <c>S3</c> (any
    /// S3-compatible object store, shared by every instance; see <see cref="S3"/>). Default <c>Local</c>.</summary>
    public MediaStoreKind Store { get; set; } = MediaStoreKind.Local;

    /// <summary>The bucket and its credentials when <see cref="Store"/> is <c>S3</c>. Section <c>Media:S3</c>.</summary>
    public S3StoreOptions S3 { get; set; } = new();

    /// <summary>Folder for stored files, relative to the content root unless absolute; outside wwwroot, never served as static files. Default <c>App_Data/media</c>.</summary>
    [Required]
    public string DataFolder { get; set; } = "App_Data/media";

    /// <summary>Largest image upload in bytes. Default 15 MB (15728640).</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxImageBytes { get; set; } = 15L * 1024 * 1024;

    /// <summary>Largest document upload (PDF, DOCX, XLSX, ZIP) in bytes. Default 25 MB (26214400).</summary>
    [Range(1024, 500L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest image in pixels (width × height), read from the header before decoding. Default 40,000,000.</summary>
    [Range(10_000, 250_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Longest side of an image in pixels. Default 10,000.</summary>
    [Range(100, 50_000)]
    public int MaxImageSide { get; set; } = 10_000;

    /// <summary>Most entries in a DOCX, XLSX or ZIP, read from its central directory. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxArchiveEntries { get; set; } = 1_000;

    /// <summary>Largest total unpacked size of a DOCX, XLSX or ZIP in bytes. Default 100 MB (104857600).</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxArchiveUnpackedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>JPEG quality of the stored variants, 50–100. Default 82.</summary>
    [Range(50, 100)]
    public int JpegQuality { get; set; } = 82;

    /// <summary>WebP quality of the stored variants, 50–100. Default 80.</summary>
    [Range(50, 100)]
    public int WebpQuality { get; set; } = 80;

    /// <summary>The request body limit of the upload action: the larger file limit plus room for the form fields.</summary>
    public long MaxRequestBytes => Math.Max(MaxImageBytes, MaxDocumentBytes) + (64 * 1024);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == MediaStoreKind.S3 && string.IsNullOrWhiteSpace(S3.Bucket))
        {
            yield return new ValidationResult("Media:Store is S3, but Media:S3:Bucket is empty.", [nameof(S3)]);
        }

        if (Store == MediaStoreKind.S3 && string.IsNullOrEmpty(S3.AccessKey) != string.IsNullOrEmpty(S3.SecretKey))
        {
            yield return new ValidationResult("Set both Media:S3:AccessKey and Media:S3:SecretKey, or neither (then the AWS default credentials are used).", [nameof(S3)]);
        }

        if (Store == MediaStoreKind.S3 && S3.ServiceUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Media:S3:ServiceUrl '{url}' is not an absolute URL.", [nameof(S3)]);
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(S3.Prefix, "^([A-Za-z0-9._-]+/)*$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return new ValidationResult("Media:S3:Prefix must be empty or end with '/' (letters, digits, '.', '_', '-').", [nameof(S3)]);
        }
    }
}

public enum MediaStoreKind
{
    Local = 0,
    S3 = 1,
}

/// <summary>An S3-compatible bucket (AWS, MinIO, Ceph, Garage, …). Section <c>Media:S3</c>. The bucket stays private: the app serves the files.</summary>
public sealed class S3StoreOptions
{
    /// <summary>The bucket, which must exist. No default; required with <c>Media:Store=S3</c>.</summary>
    public string? Bucket { get; set; }

    /// <summary>The endpoint of a non-AWS store, for example <c>https://minio.internal:9000</c>. Default none (AWS, by <see cref="Region"/>).</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region (AWS), or the region name the store expects. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addresses (<c>endpoint/bucket/key</c>), which MinIO and most self-hosted stores need. Default <c>true</c>.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Access key; with <see cref="SecretKey"/>, or neither for the AWS default chain (environment, instance role). Default none.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key: put it in an environment variable (<c>Media__S3__SecretKey</c>), never in a file of the repository. Default none.</summary>
    public string? SecretKey { get; set; }

    /// <summary>A key prefix, so that one bucket can hold several sites, for example <c>coalition/</c>. Default empty.</summary>
    public string Prefix { get; set; } = "";
}
