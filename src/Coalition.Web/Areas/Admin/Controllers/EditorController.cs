using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// The small endpoints behind the editor's desk (wwwroot/js/admin-editor.js): the live preview, rendered by the
/// same <see cref="MarkdownRenderer"/> as the public pages, and the media picker. Every form still works without them.
/// </summary>
[Route("admin/editor")]
public sealed class EditorController(MarkdownRenderer renderer, MediaQueries media, MediaLibrary library, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    public const int PickerPageSize = 24;

    /// <summary>The sanitised HTML of a Markdown text, as the public page will show it.</summary>
    [HttpPost("preview")]
    public async Task<IActionResult> Preview([FromForm] string? body, [FromForm] string? culture, CancellationToken ct)
    {
        var lang = SiteCultures.IsSupported(culture) ? culture! : SiteCultures.Current;
        var text = body is { Length: > 200_000 } ? body[..200_000] : body;
        var html = renderer.ToSafeHtml(text, await media.ImagesInTextAsync(text, lang, ct));
        return Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Library files for the picker: thumbnails, the snippet for the text's language and the alt state per language.</summary>
    [HttpGet("media")]
    public async Task<IActionResult> Media([FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? culture, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var lang = SiteCultures.IsSupported(culture) ? culture! : SiteCultures.Current;
        MediaKind? filter = kind switch { "image" => MediaKind.Image, "document" => MediaKind.Document, _ => null };
        PagedList<MediaItem> list;
        try
        {
            list = await media.ListAsync(q, filter, page, PickerPageSize, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The picker asked again (the editor typed on) or was closed: nobody reads this answer.
            return new EmptyResult();
        }

        return Json(new
        {
            page = list.Page,
            pageCount = list.PageCount,
            total = list.Total,
            items = list.Items.Select(m => Describe(m, lang)),
        });
    }

    /// <summary>Upload in place: the same checks as the media library's upload form, answered as JSON.</summary>
    [HttpPost("media")]
    [MediaUploadLimits]
    public async Task<IActionResult> Upload(MediaUploadForm form, [FromForm] string? culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var lang = SiteCultures.IsSupported(culture) ? culture! : SiteCultures.Current;
        if (!ModelState.IsValid)
        {
            var first = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            return BadRequest(new { error = first ?? t["The file could not be uploaded."].Value });
        }

        if (form.File is not { } file)
        {
            return BadRequest(new { error = MediaMessages.Describe(new MediaRejection(MediaProblem.NoFile), t) });
        }

        await using var content = file.OpenReadStream();
        var outcome = await library.UploadAsync(new MediaUpload(content, file.Length, file.FileName, form.ToAltTexts(), UserId), ct);
        if (outcome.Item is not { } item)
        {
            return BadRequest(new { error = MediaMessages.Describe(outcome.Rejection!, t) });
        }

        return Json(Describe(item, lang));
    }

    private object Describe(MediaItem m, string culture)
    {
        var isImage = m.Kind == MediaKind.Image;
        var url = MediaUrls.Of(m);
        var alt = m.IsDecorative ? "" : m.AltFor(culture) ?? "";
        return new
        {
            id = m.Id,
            name = m.DisplayName,
            kind = isImage ? "image" : "document",
            format = m.Format.ToUpperInvariant(),
            thumb = isImage ? MediaUrls.Variant(m.StorageKey, MediaImage.ParseWidths(m.VariantWidths)[0], "webp") : null,
            url,
            decorative = m.IsDecorative,
            snippet = isImage ? $"![{Escape(alt)}]({url})" : $"[{Escape(m.DisplayName)}]({url})",
            alt = SiteCultures.All.Select(c => new
            {
                culture = c,
                name = SiteCultures.NativeName(c),
                present = m.IsDecorative || !string.IsNullOrWhiteSpace(m.AltFor(c)),
            }),
            altMissing = isImage && !m.IsDecorative ? string.Join(", ", SiteCultures.All.Where(c => string.IsNullOrWhiteSpace(m.AltFor(c))).Select(SiteCultures.NativeName)) : "",
            details = $"/admin/media/{m.Id}",
        };
    }

    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
