using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Media;

/// <summary>Alt text in the three languages, or an explicit "decorative".</summary>
public sealed record AltTexts(string? Ru, string? Tg, string? En, bool Decorative)
{
    public bool IsEmpty => !Decorative && string.IsNullOrWhiteSpace(Ru) && string.IsNullOrWhiteSpace(Tg) && string.IsNullOrWhiteSpace(En);
}

/// <summary>One file as it arrives: a seekable stream (the form's buffered file) and the name the browser sent.</summary>
public sealed record MediaUpload(Stream Content, long Length, string? FileName, AltTexts Alt, string? UserId);

public sealed record UploadOutcome(MediaItem? Item, MediaRejection? Rejection, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Item is not null;
}

public enum MediaDeleteOutcome
{
    Deleted,
    NotFound,
    InUse,
}

/// <summary>
/// The media library's one service: upload (check, clean, store), alt text, delete. Validation order: what the content
/// is (magic bytes) before what the name says, limits before decoding, and nothing is stored until every check passed.
/// </summary>
public sealed partial class MediaLibrary(
    CoalitionDbContext db,
    IFileStore store,
    ImageProcessor images,
    DocumentCleaner documents,
    MediaUsage usage,
    AuditLog audit,
    TimeProvider clock,
    IOptions<MediaOptions> options,
    IWebHostEnvironment environment,
    Caching.ContentCacheEviction eviction,
    ILogger<MediaLibrary> logger)
{
    public const string AuditType = "Media";

    public async Task<UploadOutcome> UploadAsync(MediaUpload upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            return await StoreAsync(upload, ct);
        }
        catch (MediaRejectedException rejected)
        {
            LogRejected(logger, rejected.Rejection.Problem);
            // The file name stays out of the append-only log: names of files can name people.
            await audit.RecordAsync(AuditActions.MediaUploadRejected, AuditType, null, rejected.Rejection.Problem.ToString());
            return new UploadOutcome(null, rejected.Rejection, []);
        }
    }

    public async Task<bool> UpdateAltAsync(int id, AltTexts alt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(alt);
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return false;
        }

        ApplyAlt(item, alt);
        item.UpdatedUtc = Now;
        audit.Add(AuditActions.MediaEdit, AuditType, Id(item), Describe(item));
        await db.SaveChangesAsync(ct);
        await eviction.EvictForMediaAsync(await usage.FindAsync(item, ct), ct);
        return true;
    }

    /// <summary>Deletes an unused file. A file that content still uses is never deleted: the caller shows the uses.</summary>
    public async Task<(MediaDeleteOutcome Outcome, IReadOnlyList<MediaUse> Uses)> DeleteAsync(int id, CancellationToken ct = default)
    {
        var item = await db.Media.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return (MediaDeleteOutcome.NotFound, []);
        }

        var uses = await usage.FindAsync(item, ct);
        if (uses.Count > 0)
        {
            return (MediaDeleteOutcome.InUse, uses);
        }

        db.Media.Remove(item);
        audit.Add(AuditActions.MediaDelete, AuditType, Id(item), Describe(item));
        await db.SaveChangesAsync(ct);
        foreach (var name in StoredFiles(item))
        {
            await store.DeleteAsync(name, ct);
        }

        return (MediaDeleteOutcome.Deleted, []);
    }

    /// <summary>One more download of a document: a counter per file, nothing else (no cookie, no IP address, no time).</summary>
    public Task CountDownloadAsync(int id, CancellationToken ct = default) =>
        db.Media.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DownloadCount, m => m.DownloadCount + 1), ct);

    /// <summary>Every stored file of an item.</summary>
    public static IEnumerable<string> StoredFiles(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind == MediaKind.Image)
        {
            foreach (var width in MediaImage.ParseWidths(item.VariantWidths))
            {
                yield return StoredNames.ImageVariant(item.StorageKey, width, "webp");
                yield return StoredNames.ImageVariant(item.StorageKey, width, "jpg");
            }
        }
        else
        {
            yield return StoredNames.Document(item.StorageKey, MediaFormats.FromName(item.Format)!.StoredExtension);
        }
    }

    private async Task<UploadOutcome> StoreAsync(MediaUpload upload, CancellationToken ct)
    {
        var settings = options.Value;
        var content = upload.Content;
        if (string.IsNullOrWhiteSpace(upload.FileName) && upload.Length == 0)
        {
            throw new MediaRejectedException(MediaProblem.NoFile);
        }

        var displayName = FileNames.Sanitize(upload.FileName);
        var head = new byte[FileSignature.HeadLength];
        content.Position = 0;
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var sniffed = FileSignature.Detect(head.AsSpan(0, read));
        switch (sniffed)
        {
            case SniffedType.Empty:
                throw new MediaRejectedException(MediaProblem.Empty);
            case SniffedType.Svg:
                throw new MediaRejectedException(MediaProblem.Svg);
            case SniffedType.Html or SniffedType.Xml:
                throw new MediaRejectedException(MediaProblem.Html);
            case SniffedType.Executable:
                throw new MediaRejectedException(MediaProblem.Executable);
        }

        var format = MediaFormats.FromFileName(displayName) ?? throw new MediaRejectedException(MediaProblem.NotAllowedType);
        if (format.Signature != sniffed)
        {
            throw new MediaRejectedException(MediaProblem.SignatureMismatch, Path.GetExtension(displayName).ToLowerInvariant());
        }

        var limit = format.Kind == MediaKind.Image ? settings.MaxImageBytes : settings.MaxDocumentBytes;
        if (upload.Length > limit || content.Length > limit)
        {
            throw new MediaRejectedException(MediaProblem.TooLarge, Megabytes(settings.MaxImageBytes), Megabytes(settings.MaxDocumentBytes));
        }

        var item = new MediaItem
        {
            Kind = format.Kind,
            Format = format.Name,
            StorageKey = StoredNames.NewKey(),
            DisplayName = displayName,
            CreatedUtc = Now,
            UpdatedUtc = Now,
            CreatedById = upload.UserId,
        };
        var warnings = format.Kind == MediaKind.Image
            ? await StoreImageAsync(item, content, sniffed, upload.Alt, ct)
            : await StoreDocumentAsync(item, content, format, ct);

        db.Media.Add(item);
        await db.SaveChangesAsync(ct);
        audit.Add(AuditActions.MediaUpload, AuditType, Id(item), Describe(item));
        await db.SaveChangesAsync(ct);
        return new UploadOutcome(item, null, warnings);
    }

    private async Task<IReadOnlyList<string>> StoreImageAsync(MediaItem item, Stream content, SniffedType sniffed, AltTexts alt, CancellationToken ct)
    {
        var settings = options.Value;
        if (alt.IsEmpty)
        {
            throw new MediaRejectedException(MediaProblem.AltTextMissing);
        }

        var header = ImageInspector.Read(content, sniffed);
        if (header.Width > settings.MaxImageSide || header.Height > settings.MaxImageSide
            || (long)header.Width * header.Height > settings.MaxImagePixels)
        {
            throw new MediaRejectedException(MediaProblem.TooManyPixels, header.Width, header.Height,
                (settings.MaxImagePixels / 1_000_000d).ToString("0.#", CultureInfo.CurrentCulture), settings.MaxImageSide);
        }

        var processed = await images.ProcessAsync(content, ct);
        var written = new List<string>();
        try
        {
            foreach (var variant in processed.Variants)
            {
                foreach (var (extension, bytes) in new[] { ("webp", variant.WebP), ("jpg", variant.Jpeg) })
                {
                    var name = StoredNames.ImageVariant(item.StorageKey, variant.Width, extension);
                    using var stream = new MemoryStream(bytes, writable: false);
                    await store.SaveAsync(name, stream, ct);
                    written.Add(name);
                    item.SizeBytes += bytes.Length;
                }
            }
        }
        catch
        {
            await DeleteQuietlyAsync(written);
            throw;
        }

        item.Width = processed.Width;
        item.Height = processed.Height;
        item.VariantWidths = string.Join(',', processed.Variants.Select(v => v.Width.ToString(CultureInfo.InvariantCulture)));
        item.RemovedMetadata = MetadataFields.Join(header.Metadata);
        ApplyAlt(item, alt);
        return [];
    }

    private async Task<IReadOnlyList<string>> StoreDocumentAsync(MediaItem item, Stream content, MediaFormat format, CancellationToken ct)
    {
        var work = MediaPaths.WorkFolder(options.Value, environment.ContentRootPath);
        Directory.CreateDirectory(work);
        var workFile = Path.Combine(work, item.StorageKey + ".tmp");
        try
        {
            var cleaned = documents.Clean(content, format, workFile);
            await using (var file = File.OpenRead(workFile))
            {
                item.SizeBytes = file.Length;
                await store.SaveAsync(StoredNames.Document(item.StorageKey, format.StoredExtension), file, ct);
            }

            item.RemovedMetadata = MetadataFields.Join(cleaned.Removed);
            item.SearchText = SearchText(item);
            return cleaned.Warnings;
        }
        finally
        {
            File.Delete(workFile);
        }
    }

    private async Task DeleteQuietlyAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            try
            {
                await store.DeleteAsync(name);
            }
            catch (IOException)
            {
                // An orphan file under a random name is harmless; the original error matters more.
            }
        }
    }

    private static void ApplyAlt(MediaItem item, AltTexts alt)
    {
        item.AltRu = Clean(alt.Ru);
        item.AltTg = Clean(alt.Tg);
        item.AltEn = Clean(alt.En);
        item.IsDecorative = alt.Decorative;
        item.SearchText = SearchText(item);
    }

    /// <summary>Name and alt texts in lower case: the library's search is then case-insensitive in Russian and Tajik too.</summary>
    internal static string SearchText(MediaItem item)
    {
        var text = string.Join(' ', new[] { item.DisplayName, item.AltRu, item.AltTg, item.AltEn }.Where(s => !string.IsNullOrEmpty(s)))
            .ToLowerInvariant();
        return text.Length > 1200 ? text[..1200] : text;
    }

    private static string? Clean(string? alt)
    {
        if (string.IsNullOrWhiteSpace(alt))
        {
            return null;
        }

        var text = string.Join(' ', alt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 300 ? text[..300] : text;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Id(MediaItem item) => item.Id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(MediaItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Format}, {item.SizeBytes} bytes");

    private static string Megabytes(long bytes) => MediaMessages.Megabytes(bytes);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Upload rejected: {Problem}")]
    private static partial void LogRejected(ILogger logger, MediaProblem problem);
}
