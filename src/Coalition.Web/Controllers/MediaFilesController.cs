using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Coalition.Web.Controllers;

/// <summary>
/// Serves the media library from the file store (never from wwwroot): only names the library generated, with the
/// detected content type, nosniff, a sandboxing CSP, same-origin CORP, and a year of immutable caching (a key never
/// changes its bytes). Documents download under their human-readable name, Cyrillic included (RFC 6266/5987).
/// </summary>
[AllowAnonymous]
public sealed partial class MediaFilesController(MediaQueries media, MediaLibrary library, IFileStore store, MediaAccess access) : Controller
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    /// <summary>A file not (yet) public, seen through a grant: never kept by a shared cache, nor by the browser.</summary>
    public const string PrivateCacheControl = "private, no-store";
    public const string SandboxPolicy = "default-src 'none'; sandbox";

    [HttpGet("/media/{name}")]
    [HttpHead("/media/{name}")]
    public async Task<IActionResult> Get(string name, CancellationToken ct)
    {
        var match = StoredNames.Pattern().Match(name ?? "");
        if (!match.Success)
        {
            return NotFound();
        }

        var key = name![..32];
        var item = await media.FindByKeyAsync(key, ct);
        var contentType = item is null ? null : ContentTypeOf(item, name);
        if (item is null || contentType is null)
        {
            return NotFound();
        }

        // Public only while a published item uses it; otherwise staff, share links (and later embargo links) only.
        var visibility = await access.CheckAsync(HttpContext, item, ct);
        if (visibility == MediaVisibility.Hidden)
        {
            Response.Headers.CacheControl = "no-store";
            return NotFound();
        }

        var stream = await store.OpenReadAsync(name, ct);
        if (stream is null)
        {
            return NotFound();
        }

        var headers = Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = SandboxPolicy;
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = visibility == MediaVisibility.Public ? CacheControl : PrivateCacheControl;
        if (item.Kind == MediaKind.Document)
        {
            var format = MediaFormats.FromName(item.Format)!;
            var downloadName = FileNames.WithExtension(item.DisplayName, format.StoredExtension);
            headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
            {
                FileName = FileNames.AsciiFallback(downloadName, format.StoredExtension),
                FileNameStar = downloadName,
            }.ToString();
            if (visibility == MediaVisibility.Public && IsNewDownload())
            {
                await library.CountDownloadAsync(item.Id, ct);
            }
        }

        return File(stream, contentType, item.CreatedUtc, new EntityTagHeaderValue($"\"{name}\""), enableRangeProcessing: true);
    }

    /// <summary>The content type of one stored file of the item, or null when the name is not one of its files.</summary>
    private static string? ContentTypeOf(MediaItem item, string name)
    {
        if (item.Kind == MediaKind.Image)
        {
            var width = WidthOf(name);
            var widths = MediaImage.ParseWidths(item.VariantWidths);
            if (width is null || !widths.Contains(width.Value))
            {
                return null;
            }

            return name.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg";
        }

        var format = MediaFormats.FromName(item.Format);
        return format is not null && name == StoredNames.Document(item.StorageKey, format.StoredExtension) ? format.ContentType : null;
    }

    private static int? WidthOf(string name)
    {
        var m = Width().Match(name);
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A GET of the whole file (or its first range), not a revalidation: what counts as a download.</summary>
    private bool IsNewDownload()
    {
        var request = Request;
        if (!HttpMethods.IsGet(request.Method) || request.Headers.IfNoneMatch.Count > 0 || request.Headers.IfModifiedSince.Count > 0)
        {
            return false;
        }

        var range = request.Headers.Range.ToString();
        return range.Length == 0 || range.StartsWith("bytes=0-", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-f0-9]{32}-([0-9]{1,5})\\.(webp|jpg)$")]
    private static partial Regex Width();
}
