using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The media library: upload, browse, alt text, snippets to copy, and deletion only of unused files.</summary>
[Coalition.Web.Areas.Admin.ViewComponents.AdminMenu("Media library", 200)]
[Route("admin/media")]
public sealed class MediaController(
    MediaLibrary library,
    MediaQueries queries,
    MediaUsage usage,
    IStringLocalizer<SharedResource> t,
    IOptions<MediaOptions> options) : AdminControllerBase
{
    public const int PageSize = 48;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? type, int page = 1, CancellationToken ct = default) =>
        View(await IndexModelAsync(q, type, page, new MediaUploadForm(), null, ct));

    [HttpPost("upload")]
    [MediaUploadLimits]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimitingExtensions.UploadPolicy)]
    public async Task<IActionResult> Upload(MediaUploadForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await IndexModelAsync(null, null, 1, form, null, ct));
        }

        UploadOutcome outcome;
        if (form.File is not { } file)
        {
            outcome = new UploadOutcome(null, new MediaRejection(MediaProblem.NoFile), []);
        }
        else
        {
            await using var content = file.OpenReadStream();
            outcome = await library.UploadAsync(new MediaUpload(content, file.Length, file.FileName, form.ToAltTexts(), UserId), ct);
        }

        if (outcome.Item is not { } item)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var error = MediaMessages.Describe(outcome.Rejection!, t);
            ModelState.AddModelError(nameof(MediaUploadForm.File), error);
            return View("Index", await IndexModelAsync(null, null, 1, form, error, ct));
        }

        var notice = new List<string> { t["Uploaded: {0}.", item.DisplayName], MediaMessages.Removed(MetadataFields.Split(item.RemovedMetadata), t) };
        notice.AddRange(outcome.Warnings.Select(w => MediaMessages.Warning(w, t)));
        Notice(string.Join(" ", notice));
        return RedirectToAction(nameof(Details), new { id = item.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var alt = new MediaAltForm { AltRu = item.AltRu, AltTg = item.AltTg, AltEn = item.AltEn, Decorative = item.IsDecorative };
        return View(new MediaDetailsViewModel(item, await usage.FindAsync(item, ct), alt));
    }

    [HttpPost("{id:int}/alt")]
    public async Task<IActionResult> Alt(int id, MediaAltForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await queries.FindAsync(id, ct);
        if (item is null || item.Kind != MediaKind.Image)
        {
            return NotFound();
        }

        if (form.ToAltTexts().IsEmpty)
        {
            ModelState.AddModelError(string.Empty, MediaMessages.Describe(new MediaRejection(MediaProblem.AltTextMissing), t));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", new MediaDetailsViewModel(item, await usage.FindAsync(item, ct), form));
        }

        await library.UpdateAltAsync(id, form.ToAltTexts(), ct);
        Notice(t["Alt text saved. Texts that already show this image keep the alt text written in them."]);
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        return View(new MediaDeleteViewModel(item, await usage.FindAsync(item, ct)));
    }

    [HttpPost("{id:int}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken ct)
    {
        var item = await queries.FindAsync(id, ct);
        var (outcome, uses) = await library.DeleteAsync(id, ct);
        switch (outcome)
        {
            case MediaDeleteOutcome.NotFound:
                return NotFound();
            case MediaDeleteOutcome.InUse:
                // Blocked: the page lists every use, so the editor can change them first.
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Delete", new MediaDeleteViewModel(item!, uses));
            default:
                Notice(t["Deleted: {0}.", item!.DisplayName]);
                return RedirectToAction(nameof(Index));
        }
    }

    private async Task<MediaIndexViewModel> IndexModelAsync(string? q, string? type, int page, MediaUploadForm form, string? error, CancellationToken ct)
    {
        MediaKind? kind = type switch { "images" => MediaKind.Image, "documents" => MediaKind.Document, _ => null };
        var items = await queries.ListAsync(q, kind, page, PageSize, ct);
        var o = options.Value;
        var limits = new MediaLimits(
            MediaMessages.Megabytes(o.MaxImageBytes),
            MediaMessages.Megabytes(o.MaxDocumentBytes),
            (o.MaxImagePixels / 1_000_000d).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture));
        return new MediaIndexViewModel(items, q, kind is null ? null : type, form, limits, error);
    }
}
