using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The media library: where files are kept and how large uploads may be. Section <c>Media</c>.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Media";

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
}
