using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// Everything staff do with one content type: list, create, edit, schedule, publish, preview, share, history,
/// translate, trash. There is one closed controller per <see cref="ContentDefinition"/>, at <c>/admin/{AdminSegment}</c>
/// (see <see cref="ContentAdminControllers"/>); behaviour and views are shared, and a type's own fields are edited
/// by its definition's partial view.
/// </summary>
public sealed class ContentAdminController<T>(ContentAdminServices<T> services) : AdminControllerBase
    where T : ContentItem, new()
{
    public const int PageSize = 50;
    private const string ContentViews = "~/Areas/Admin/Views/Content/";

    private ContentEditor<T> Editor => services.Editor;

    private IStringLocalizer<SharedResource> Text => services.Text;

    private static ContentDefinition Definition => ContentTypes.For<T>();

    private ContentTypeInfo Info => new(Definition, Text[Definition.PluralName], Text[Definition.SingularName]);

    private DateTime Now => services.Clock.GetUtcNow().UtcDateTime;

    private static string ContentType => ContentEditor<T>.ContentType;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? culture, int page = 1, CancellationToken ct = default)
    {
        var rows = await services.Queries.ListAsync<T>(culture, page, PageSize, ct);
        return View(ContentViews + "Index.cshtml", new ContentListViewModel(Info, rows, SiteCultures.IsSupported(culture) ? culture : null));
    }

    [HttpGet("create")]
    public IActionResult Create(string? culture)
    {
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        var form = new ContentFormViewModel { Culture = SiteCultures.IsSupported(culture) ? culture! : SiteCultures.Current, Fields = Definition.NewFields() };
        return View(ContentViews + "Edit.cshtml", new ContentEditViewModel(Info, form, null));
    }

    [HttpPost("create")]
    public async Task<IActionResult> Create(ContentFormViewModel form, [FromForm] string? action)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Info.CanCreate)
        {
            return NotFound();
        }

        await BindFieldsAsync(form);
        if (!ModelState.IsValid)
        {
            return InvalidCreate(form);
        }

        var saveAction = ParseAction(action);
        var result = await Editor.CreateAsync(form.ToInput(), saveAction, UserId);
        if (!result.Succeeded)
        {
            AddError(result, form);
            return InvalidCreate(form);
        }

        Notice(SavedMessage(saveAction, pending: false));
        return RedirectToAction("Edit", new { id = result.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        var item = await Editor.FindAsync(id, ct);
        if (item is null || item.DeletedUtc is not null)
        {
            return NotFound();
        }

        return await EditViewAsync(item, await Editor.WorkingCopyAsync(item, ct), ct);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, ContentFormViewModel form, [FromForm] string? action)
    {
        ArgumentNullException.ThrowIfNull(form);
        var item = await Editor.FindAsync(id);
        if (item is null || item.DeletedUtc is not null)
        {
            return NotFound();
        }

        // The language of an item is fixed once created: it is what links it to its translations.
        form.Id = id;
        form.Culture = item.Culture;
        ModelState.Remove(nameof(ContentFormViewModel.Culture));
        if (Definition.IsFixed(item.Slug))
        {
            form.Slug = item.Slug;
        }

        await BindFieldsAsync(form);
        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(form, item);
        }

        var saveAction = ParseAction(action);
        var result = await Editor.UpdateAsync(id, form.ToInput(), saveAction, UserId);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                var saved = await Editor.FindAsync(id);
                Notice(SavedMessage(saveAction, pending: saved?.PendingRevisionId is not null));
                return RedirectToAction("Edit", new { id });
            case SaveOutcome.Conflict:
                return await ConflictViewAsync(id, form);
            default:
                AddError(result, form);
                return await RedisplayAsync(form, item);
        }
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish([FromRoute] int id, [FromForm] bool confirm = false) => SetPublished(id, true, confirm);

    [HttpPost("{id:int}/unpublish")]
    public Task<IActionResult> Unpublish([FromRoute] int id) => SetPublished(id, false, confirm: false);

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview([FromRoute] int id, CancellationToken ct)
    {
        var item = await Editor.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var copy = await Editor.WorkingCopyAsync(item, ct);
        return await this.PreviewViewAsync(item, copy, services.Renderer, services.Media, $"{Info.BasePath}/{id}/edit", ct);
    }

    [HttpPost("{id:int}/share")]
    public async Task<IActionResult> Share([FromRoute] int id, [FromForm] int days)
    {
        var item = await Editor.FindAsync(id);
        if (item is null || item.DeletedUtc is not null)
        {
            return NotFound();
        }

        var token = await services.ShareLinks.CreateAsync(ContentType, id, days <= 0 ? services.Publishing.Value.ShareLinkDays : days);
        TempData[NewShareKey] = services.PublicUrls.Absolute($"/preview/{token}"); // issue 19 item 6: never the Host header
        Notice(Text["A share link was created. Copy it now: it is shown only once."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:int}/share/{linkId:int}/revoke")]
    public async Task<IActionResult> RevokeShare([FromRoute] int id, [FromRoute] int linkId)
    {
        if (!await services.ShareLinks.RevokeAsync(ContentType, id, linkId))
        {
            return NotFound();
        }

        Notice(Text["The share link was revoked; it no longer opens the preview."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History([FromRoute] int id, CancellationToken ct)
    {
        var item = await Editor.FindAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }

        var list = await services.Revisions.ListAsync(ContentType, id, ct);
        return View(ContentViews + "History.cshtml", new HistoryViewModel(Info, id, item.Title, list));
    }

    [HttpGet("{id:int}/revisions/{number:int}")]
    public async Task<IActionResult> Revision([FromRoute] int id, [FromRoute] int number, CancellationToken ct)
    {
        var revision = await services.Revisions.FindAsync(ContentType, id, number, ct);
        if (revision is null)
        {
            return NotFound();
        }

        var fields = Definition.Describe(RevisionStore.CopyOf(revision).Fields, Text);
        return View(ContentViews + "Revision.cshtml", new RevisionViewModel(Info, id, revision, services.Renderer.ToSafeHtml(revision.BodyMarkdown), fields));
    }

    [HttpGet("{id:int}/diff")]
    public async Task<IActionResult> Diff([FromRoute] int id, int from, int to, CancellationToken ct)
    {
        var a = await services.Revisions.FindAsync(ContentType, id, from, ct);
        var b = await services.Revisions.FindAsync(ContentType, id, to, ct);
        if (a is null || b is null)
        {
            return NotFound();
        }

        return View(ContentViews + "Diff.cshtml", new DiffViewModel(
            Info, id, a, b,
            RevisionDiff.Compare(a.Title, b.Title),
            RevisionDiff.Compare(a.Summary, b.Summary),
            RevisionDiff.Compare(a.BodyMarkdown, b.BodyMarkdown),
            FieldChanges(RevisionStore.CopyOf(a).Fields, RevisionStore.CopyOf(b).Fields)));
    }

    [HttpPost("{id:int}/revisions/{number:int}/restore")]
    public async Task<IActionResult> RestoreRevision([FromRoute] int id, [FromRoute] int number)
    {
        var result = await Editor.RestoreRevisionAsync(id, number, UserId);
        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        Notice(result.Succeeded
            ? Text["Revision {0} was restored as a new revision.", number]
            : Text["Someone else saved this item meanwhile. Nothing was changed; try again."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:int}/translate")]
    public async Task<IActionResult> Translate([FromRoute] int id, [FromForm] string culture)
    {
        if (!SiteCultures.IsSupported(culture))
        {
            return BadRequest();
        }

        var result = await Editor.CreateTranslationAsync(id, culture, UserId);
        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        Notice(result.Outcome == SaveOutcome.CultureTaken
            ? Text["A translation into this language already exists."]
            : Text["A draft translation was created from the original. Translate the text, then publish it."]);
        return RedirectToAction("Edit", new { id = result.Id });
    }

    [HttpPost("{id:int}/unlink")]
    public async Task<IActionResult> Unlink([FromRoute] int id)
    {
        if (!await Editor.UnlinkAsync(id))
        {
            return NotFound();
        }

        Notice(Text["This item is no longer linked to its translations."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:int}/link")]
    public async Task<IActionResult> Link([FromRoute] int id, [FromForm] int targetId)
    {
        var outcome = await Editor.LinkAsync(id, targetId);
        Notice(outcome switch
        {
            SaveOutcome.Saved => Text["Linked as a translation."],
            SaveOutcome.CultureTaken => Text["That item already has a translation in this language."],
            _ => Text["No item with that number was found."],
        });
        return RedirectToAction("Edit", new { id });
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken ct)
    {
        var item = await Editor.FindAsync(id, ct);
        if (!Info.CanCreate || item is null || item.DeletedUtc is not null || Definition.IsFixed(item.Slug))
        {
            return NotFound();
        }

        var translations = await services.Queries.TranslationsOfAsync<T>(item.TranslationGroupId, ct);
        return View(ContentViews + "Delete.cshtml", new ContentDeleteViewModel(Info, id, item.Title, item.Culture, translations.Count - 1));
    }

    /// <summary>Moves the item to the trash: reversible until it is purged.</summary>
    [HttpPost("{id:int}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed([FromRoute] int id)
    {
        if (!Info.CanCreate || !await Editor.TrashAsync(id))
        {
            return NotFound();
        }

        Notice(Text["Moved to the trash. You can restore it from there."]);
        return RedirectToAction("Index");
    }

    [HttpGet("trash")]
    public async Task<IActionResult> Trash(CancellationToken ct)
    {
        var rows = (await services.Queries.TrashAsync<T>(ct)).Select(r => new TrashRow(r.Id, r.Culture, r.Title, r.DeletedUtc)).ToList();
        var canPurge = (await services.Authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
        return View(ContentViews + "Trash.cshtml", new TrashViewModel(Info, rows, services.Publishing.Value.TrashRetentionDays, canPurge));
    }

    [HttpPost("{id:int}/restore")]
    public async Task<IActionResult> Restore([FromRoute] int id)
    {
        if (!await Editor.RestoreFromTrashAsync(id))
        {
            return NotFound();
        }

        Notice(Text["Restored from the trash, with its translations linked as before."]);
        return RedirectToAction("Edit", new { id });
    }

    [HttpPost("{id:int}/purge")]
    [Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Purge([FromRoute] int id)
    {
        if (!await Editor.PurgeAsync(id))
        {
            return NotFound();
        }

        Notice(Text["Deleted for good."]);
        return RedirectToAction("Trash");
    }

    private const string NewShareKey = "admin.share-url";

    private async Task<IActionResult> SetPublished(int id, bool published, bool confirm)
    {
        var result = await Editor.SetPublishedAsync(id, published, UserId, confirm);
        if (result.Outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == SaveOutcome.UntranslatedText && await Editor.FindAsync(id) is { } item)
        {
            return View(ContentViews + "ConfirmPublish.cshtml", new ConfirmPublishViewModel(Info, id, item.Title, UntranslatedQuestion));
        }

        Notice(result.Outcome switch
        {
            SaveOutcome.Saved when published => Text["Published."],
            SaveOutcome.Saved => Text["Unpublished: the item is now a draft and hidden from the public."],
            SaveOutcome.SlugTaken => Text["Another item in this language already uses this address. Choose a different one."],
            _ => Text["Someone else saved this item meanwhile. Nothing was changed; try again."],
        });
        return RedirectToAction("Edit", new { id });
    }

    private ViewResult InvalidCreate(ContentFormViewModel form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(ContentViews + "Edit.cshtml", new ContentEditViewModel(Info, form, null));
    }

    private async Task<IActionResult> EditViewAsync(T item, WorkingCopy copy, CancellationToken ct = default)
    {
        var form = ContentFormViewModel.From(item, copy, Now);
        form.Translations = await services.Queries.TranslationsOfAsync<T>(item.TranslationGroupId, ct);
        return View(ContentViews + "Edit.cshtml", new ContentEditViewModel(Info, form, PublicPathOf(item))
        {
            ShareLinks = await services.ShareLinks.ListAsync(ContentType, item.Id, ct),
            NewShareUrl = TempData[NewShareKey] as string,
            ShareLinkDays = services.Publishing.Value.ShareLinkDays,
            NowUtc = Now,
        });
    }

    private async Task<IActionResult> RedisplayAsync(ContentFormViewModel form, T item)
    {
        var stored = ContentFormViewModel.From(item, await Editor.WorkingCopyAsync(item), Now);
        form.State = stored.State;
        form.PublishedUtc = stored.PublishedUtc;
        form.HasPendingChanges = stored.HasPendingChanges;
        form.Translations = await services.Queries.TranslationsOfAsync<T>(item.TranslationGroupId);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(ContentViews + "Edit.cshtml", new ContentEditViewModel(Info, form, PublicPathOf(item))
        {
            ShareLinks = await services.ShareLinks.ListAsync(ContentType, item.Id),
            ShareLinkDays = services.Publishing.Value.ShareLinkDays,
            NowUtc = Now,
        });
    }

    /// <summary>Nothing typed is lost: the form comes back with this editor's text, beside the version saved meanwhile.</summary>
    private async Task<IActionResult> ConflictViewAsync(int id, ContentFormViewModel form)
    {
        var current = await Editor.FindAsync(id);
        if (current is null)
        {
            return NotFound();
        }

        var stored = ContentFormViewModel.From(current, await Editor.WorkingCopyAsync(current), Now);
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, Text["Someone else saved this item while you were editing. Your text is below; the saved version is shown beside it. Copy what you need, then save again."]);
        form.Version = stored.Version;
        form.State = stored.State;
        form.PublishedUtc = stored.PublishedUtc;
        form.HasPendingChanges = stored.HasPendingChanges;
        form.Translations = await services.Queries.TranslationsOfAsync<T>(current.TranslationGroupId);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(ContentViews + "Edit.cshtml", new ContentEditViewModel(Info, form, PublicPathOf(current), Conflict: true)
        {
            Current = stored,
            CurrentFields = Definition.Describe(stored.Fields, Text),
        });
    }

    private string? PublicPathOf(T item) =>
        item.IsVisibleToPublic(Now) ? Definition.PublicPath(item.Culture, item.Slug) : null;

    private const string UntranslatedQuestion = "The title and text are still exactly those of the original. Publish this translation anyway?";

    /// <summary>The type's own fields, bound and validated under the prefix <c>Fields</c>.</summary>
    private async Task BindFieldsAsync(ContentFormViewModel form)
    {
        var fields = Definition.NewFields();
        await TryUpdateModelAsync(fields, Definition.FieldsType, "Fields");
        form.Fields = fields;
    }

    private IReadOnlyList<FieldChange> FieldChanges(ContentFields before, ContentFields after) =>
        Definition.Describe(before, Text).Zip(Definition.Describe(after, Text), (a, b) => new FieldChange(a.Label, a.Value, b.Value)).ToList();

    private static SaveAction ParseAction(string? action) => action switch
    {
        "publish" => SaveAction.Publish,
        "schedule" => SaveAction.Schedule,
        _ => SaveAction.Draft,
    };

    private string SavedMessage(SaveAction action, bool pending) => action switch
    {
        SaveAction.Publish => Text["Saved and published."],
        SaveAction.Schedule => Text["Saved and scheduled."],
        _ when pending => Text["Changes saved. The public still sees the published version until you publish them."],
        _ => Text["Saved as a draft."],
    };

    private void AddError(SaveResult result, ContentFormViewModel form)
    {
        switch (result.Outcome)
        {
            case SaveOutcome.SlugTaken:
                ModelState.AddModelError(nameof(ContentFormViewModel.Slug), Text["Another item in this language already uses this address. Choose a different one."]);
                break;
            case SaveOutcome.InvalidSlug:
                ModelState.AddModelError(nameof(ContentFormViewModel.Slug), Text["The address may contain only lowercase Latin letters, digits and single hyphens, for example human-rights-day-2026."]);
                break;
            case SaveOutcome.ReservedSlug:
                ModelState.AddModelError(nameof(ContentFormViewModel.Slug), Text["This address belongs to a section of the site. Choose a different one."]);
                break;
            case SaveOutcome.CultureTaken:
                ModelState.AddModelError(string.Empty, Text["A translation into this language already exists."]);
                break;
            case SaveOutcome.ScheduleInPast:
                ModelState.AddModelError(nameof(ContentFormViewModel.PublishAt), Text["To schedule, choose a date and time in the future."]);
                break;
            case SaveOutcome.UnpublishBeforePublish:
                ModelState.AddModelError(nameof(ContentFormViewModel.UnpublishAt), Text["The unpublish time must be in the future and after the publish time."]);
                break;
            case SaveOutcome.InvalidMedia:
                ModelState.AddModelError(result.Field ?? string.Empty, result.Detail == nameof(MediaKind.Document)
                    ? Text["Choose a file from the media library."]
                    : Text["Choose an image from the media library."]);
                break;
            case SaveOutcome.MediaWithoutAlt:
                ModelState.AddModelError(result.Field ?? string.Empty, Text["This image has no alt text in this language. Add it in the media library, or mark the image as decorative there."]);
                break;
            case SaveOutcome.ImageWithoutAlt:
                ModelState.AddModelError(nameof(ContentFormViewModel.Body), Text["An image in the text has no alt text: write it between the square brackets, ![like this](/media/…), or add it to the image in the media library."]);
                break;
            case SaveOutcome.InsecureLink:
                ModelState.AddModelError(nameof(ContentFormViewModel.Body), Text["The link {0} does not start with https:// or mailto:. Plain http links are not encrypted and would expose readers; use the https address of that site.", result.Detail ?? ""]);
                break;
            case SaveOutcome.InvalidField:
                ModelState.AddModelError(result.Field ?? string.Empty, Text[result.Detail ?? "The item could not be saved."]);
                break;
            case SaveOutcome.UntranslatedText:
                form.ConfirmQuestion = UntranslatedQuestion;
                ModelState.AddModelError(nameof(ContentFormViewModel.Confirmed), Text[UntranslatedQuestion]);
                break;
            case SaveOutcome.NeedsConfirmation:
                form.ConfirmQuestion = result.Detail;
                ModelState.AddModelError(nameof(ContentFormViewModel.Confirmed), Text[result.Detail ?? ""]);
                break;
            default:
                ModelState.AddModelError(string.Empty, Text["The item could not be saved."]);
                break;
        }
    }
}

/// <summary>The services every content admin controller needs, in one constructor parameter.</summary>
public sealed class ContentAdminServices<T>(
    ContentEditor<T> editor,
    ContentAdminQueries queries,
    RevisionStore revisions,
    ShareLinkService shareLinks,
    MarkdownRenderer renderer,
    MediaQueries media,
    IAuthorizationService authorization,
    IOptions<PublishingOptions> publishing,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock,
    Infrastructure.PublicUrls publicUrls)
    where T : ContentItem, new()
{
    /// <summary>Absolute URLs (share links) from the configured public address (issue 19, item 6).</summary>
    public Infrastructure.PublicUrls PublicUrls => publicUrls;

    public ContentEditor<T> Editor => editor;
    public ContentAdminQueries Queries => queries;
    public RevisionStore Revisions => revisions;
    public ShareLinkService ShareLinks => shareLinks;
    public MarkdownRenderer Renderer => renderer;
    public MediaQueries Media => media;
    public IAuthorizationService Authorization => authorization;
    public IOptions<PublishingOptions> Publishing => publishing;
    public IStringLocalizer<SharedResource> Text => text;
    public TimeProvider Clock => clock;
}
