using System.IO.Compression;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Coalition.Web.Features.Press;

/// <summary>
/// Serves the library files of a release or of the press kit from the press room's own addresses, with the media
/// library's safety headers. A release's files are served there only while the release itself may be seen (public, or
/// through a live access link), so an embargoed release's attachments stay private whatever the rule for
/// <c>/media/</c> is. The press kit's ZIP holds only the library's cleaned copies.
/// </summary>
public sealed class PressFiles(IFileStore store, MediaLibrary library)
{
    public const string SandboxPolicy = "default-src 'none'; sandbox";

    /// <summary>The file, or null (answer 404) when <paramref name="storedName"/> is not one of the item's stored files.</summary>
    /// <param name="publicCache">The file may be kept by shared caches (public release or kit); otherwise <c>private, no-store</c>.</param>
    public async Task<IActionResult?> ServeAsync(HttpContext http, MediaItem item, string storedName, bool publicCache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(item);
        var contentType = ContentTypeOf(item, storedName);
        if (contentType is null || await store.OpenReadAsync(storedName, ct) is not { } stream)
        {
            return null;
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = SandboxPolicy;
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // Public files: browsers and proxies ask again each time (the output cache answers), so an unpublished
        // release's files do not linger; an access link's files are never stored anywhere.
        headers.CacheControl = publicCache ? "no-cache" : "private, no-store";
        var extension = item.Kind == MediaKind.Document ? MediaFormats.FromName(item.Format)!.StoredExtension : "jpg";
        var downloadName = FileNames.WithExtension(item.DisplayName, extension);
        var disposition = item.Kind == MediaKind.Document ? "attachment" : "inline";
        headers.ContentDisposition = new ContentDispositionHeaderValue(disposition)
        {
            FileName = FileNames.AsciiFallback(downloadName, extension),
            FileNameStar = downloadName,
        }.ToString();
        if (item.Kind == MediaKind.Document && HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Range.Count == 0)
        {
            await library.CountDownloadAsync(item.Id, ct);
        }

        return new FileStreamResult(stream, contentType) { EnableRangeProcessing = true };
    }

    /// <summary>
    /// Writes the kit as one ZIP: each document's cleaned copy and each photo's largest re-encoded JPEG, under its
    /// display name; nothing else.
    /// </summary>
    public async Task WriteZipAsync(IReadOnlyList<MediaItem> files, MemoryStream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in files)
        {
            var (stored, extension) = item.Kind == MediaKind.Document
                ? (StoredNames.Document(item.StorageKey, MediaFormats.FromName(item.Format)!.StoredExtension), MediaFormats.FromName(item.Format)!.StoredExtension)
                : (StoredNames.ImageVariant(item.StorageKey, MediaImage.ParseWidths(item.VariantWidths)[^1], "jpg"), "jpg");
            await using var source = await store.OpenReadAsync(stored, ct);
            if (source is null)
            {
                continue;
            }

            var name = FileNames.WithExtension(item.DisplayName, extension);
            for (var n = 2; !used.Add(name); n++)
            {
                name = FileNames.WithExtension($"{Path.GetFileNameWithoutExtension(item.DisplayName)} ({n})", extension);
            }

            var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(item.CreatedUtc, DateTimeKind.Utc));
            await using var target = entry.Open(); // into the caller's MemoryStream: ZipArchive writes synchronously
            await source.CopyToAsync(target, ct);
        }
    }

    /// <summary>The content type of one stored file of the item, or null when the name is not one of its files.</summary>
    public static string? ContentTypeOf(MediaItem item, string storedName)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!StoredNames.IsValid(storedName) || !storedName.StartsWith(item.StorageKey, StringComparison.Ordinal))
        {
            return null;
        }

        if (item.Kind == MediaKind.Image)
        {
            foreach (var width in MediaImage.ParseWidths(item.VariantWidths))
            {
                if (storedName == StoredNames.ImageVariant(item.StorageKey, width, "jpg"))
                {
                    return "image/jpeg";
                }

                if (storedName == StoredNames.ImageVariant(item.StorageKey, width, "webp"))
                {
                    return "image/webp";
                }
            }

            return null;
        }

        var format = MediaFormats.FromName(item.Format);
        return format is not null && storedName == StoredNames.Document(item.StorageKey, format.StoredExtension) ? format.ContentType : null;
    }
}
