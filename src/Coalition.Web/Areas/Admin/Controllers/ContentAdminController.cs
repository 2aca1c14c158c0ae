using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// List, create, edit, publish, translate and delete for one content type. Each type is a small subclass
/// that names its route and public address; the behaviour and the views are shared.
/// </summary>
public abstract class ContentAdminController<T>(
    ContentEditor<T> editor,
    ContentAdminQueries queries,
    IStringLocalizer<SharedResource> t,
    TimeProvider clock) : AdminControllerBase
    where T : ContentItem, new()
{
    public const int PageSize = 50;

    protected IStringLocalizer<SharedResource> Text => t;

    protected abstract ContentTypeInfo Info { get; }

    /// <summary>The public address of a published item, for the "view on site" link.</summary>
    protected abstract string PublicPath(string culture, string slug);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? culture, int page = 1, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync<T>(culture, page, PageSize, ct);
        return View("~/Areas/Admin/Views/Content/Index.cshtml", new ContentListViewModel(Info, rows, SiteCultures.IsSupported(culture) ? culture : null));
    }

    [HttpGet("create")]
    public IActionResult Create(string? culture)
    {
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        var form = new ContentFormViewModel { Culture = SiteCultures.IsSupported(culture) ? culture! : SiteCultures.Current };
        return EditView(form, null);
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(ContentFormViewModel form, string? action)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return EditView(form, null);
        }

        var result = await editor.CreateAsync(form.ToInput(), publish: action == "publish", UserId);
        if (!result.Succeeded)
        {
            AddError(result.Outcome);
            return EditView(form, null);
        }

        Notice(action == "publish" ? t["Saved and published."] : t["Saved as a draft."]);
        return RedirectToAction("Edit", new { id = result.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var item = await editor.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var form = ContentFormViewModel.From(item);
        form.Translations = await queries.TranslationsOfAsync<T>(item.TranslationGroupId, ct);
        return EditView(form, item);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ContentFormViewModel form, string? action)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await editor.FindAsync(id);
        if (item is null)
        {
            return NotFound();
        }

        // The language of an item is fixed once created: it is what links it to its translations.
        form.Id = id;
        form.Culture = item.Culture;
        ModelState.Remove(nameof(ContentFormViewModel.Culture));
        if (!Info.SlugEditable)
        {
            form.Slug = item.Slug;
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(form, item);
        }

        bool? publish = action switch { "publish" => true, "draft" => false, _ => null };
        var result = await editor.UpdateAsync(id, form.ToInput(), publish, UserId);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                Notice(publish == true ? t["Saved and published."] : publish == false ? t["Saved as a draft."] : t["Saved."]);
                return RedirectToAction("Edit", new { id });
            case SaveOutcome.Conflict:
                // Nothing typed is lost: the form comes back with this editor's text and the newer version's number.
                var current = await editor.FindAsync(id);
                if (current is null)
                {
                    return NotFound();
                }

                ModelState.Clear();
                ModelState.AddModelError(string.Empty, t["Someone else saved this item while you were editing. Your text is below; the saved version is shown beside it. Copy what you need, then save again."]);
                form.Version = current.Version;
                form.Status = current.Status;
                form.PublishedUtc = current.PublishedUtc;
                return View("~/Areas/Admin/Views/Content/Edit.cshtml", new ContentEditViewModel(Info, form, PublicPathOf(current), Conflict: true) { Current = ContentFormViewModel.From(current) });
            default:
                AddError(result.Outcome);
                return await RedisplayAsync(form, item);
        }
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id) => SetPublished(id, true);

    [HttpPost("{id:int}/unpublish")]
    public Task<IActionResult> Unpublish(int id) => SetPublished(id, false);

    [HttpPost("{id:int}/translate")]
    public async Task<IActionResult> Translate(int id, string culture)
    {
        if (!SiteCultures.IsSupported(culture))
        {
            return BadRequest();
        }

        var result = await editor.CreateTranslationAsync(id, culture, UserId);
        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        Notice(result.Outcome == SaveOutcome.CultureTaken
            ? t["A translation into this language already exists."]
            : t["A draft translation was created from the original. Translate the text, then publish it."]);
        return RedirectToAction("Edit", new { id = result.Id });
    }

    [HttpPost("{id:int}/unlink")]
    public async Task<IActionResult> Unlink(int id)
    {
        if (!await editor.UnlinkAsync(id))
        {
            return NotFound();
        }

        Notice(t["This item is no longer linked to its translations."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:int}/link")]
    public async Task<IActionResult> Link(int id, int targetId)
    {
        var outcome = await editor.LinkAsync(id, targetId);
        Notice(outcome switch
        {
            SaveOutcome.Saved => t["Linked as a translation."],
            SaveOutcome.CultureTaken => t["That item already has a translation in this language."],
            _ => t["No item with that number was found."],
        });
        return RedirectToAction("Edit", new { id });
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        var item = await editor.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var translations = await queries.TranslationsOfAsync<T>(item.TranslationGroupId, ct);
        return View("~/Areas/Admin/Views/Content/Delete.cshtml", new ContentDeleteViewModel(Info, id, item.Title, item.Culture, translations.Count - 1));
    }

    [HttpPost("{id:int}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(int id)
    {
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        if (!await editor.DeleteAsync(id))
        {
            return NotFound();
        }

        Notice(t["Deleted."]);
        return RedirectToAction("Index");
    }

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id, CancellationToken ct)
    {
        var item = await editor.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        return View("~/Areas/Admin/Views/Content/Preview.cshtml", item);
    }

    private async Task<IActionResult> SetPublished(int id, bool published)
    {
        var result = await editor.SetPublishedAsync(id, published, UserId);
        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        Notice(published ? t["Published."] : t["Unpublished: the item is now a draft and hidden from the public."]);
        return RedirectToAction("Edit", new { id });
    }

    private async Task<IActionResult> RedisplayAsync(ContentFormViewModel form, T item)
    {
        form.Version = form.Version == 0 ? item.Version : form.Version;
        form.Status = item.Status;
        form.PublishedUtc = item.PublishedUtc;
        form.Translations = await queries.TranslationsOfAsync<T>(item.TranslationGroupId);
        return EditView(form, item);
    }

    private ViewResult EditView(ContentFormViewModel form, T? item) =>
        View("~/Areas/Admin/Views/Content/Edit.cshtml", new ContentEditViewModel(Info, form, item is null ? null : PublicPathOf(item)));

    private string? PublicPathOf(T item) =>
        item.IsVisibleToPublic(clock.GetUtcNow().UtcDateTime) ? PublicPath(item.Culture, item.Slug) : null;

    private void AddError(SaveOutcome outcome)
    {
        switch (outcome)
        {
            case SaveOutcome.SlugTaken:
                ModelState.AddModelError(nameof(ContentFormViewModel.Slug), t["Another item in this language already uses this address. Choose a different one."]);
                break;
            case SaveOutcome.InvalidSlug:
                ModelState.AddModelError(nameof(ContentFormViewModel.Slug), t["The address may contain only lowercase Latin letters, digits and single hyphens, for example human-rights-day-2026."]);
                break;
            case SaveOutcome.CultureTaken:
                ModelState.AddModelError(string.Empty, t["A translation into this language already exists."]);
                break;
            case SaveOutcome.InvalidCover:
                ModelState.AddModelError(nameof(ContentFormViewModel.CoverMediaId), t["Choose an image from the media library as the cover."]);
                break;
            case SaveOutcome.CoverWithoutAlt:
                ModelState.AddModelError(nameof(ContentFormViewModel.CoverMediaId), t["The cover image has no alt text in this language. Add it in the media library, or mark the image as decorative there."]);
                break;
            case SaveOutcome.ImageWithoutAlt:
                ModelState.AddModelError(nameof(ContentFormViewModel.Body), t["An image in the text has no alt text: write it between the square brackets, ![like this](/media/…), or add it to the image in the media library."]);
                break;
            default:
                ModelState.AddModelError(string.Empty, t["The item could not be saved."]);
                break;
        }
    }
}
