using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Areas.Admin.ViewModels;

/// <summary>The edit form shared by every content type.</summary>
public sealed class ContentFormViewModel
{
    public int Id { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [Display(Name = "Language")]
    [RegularExpression("^(ru|tg|en)$", ErrorMessage = "Choose Russian, Tajik or English.")]
    public string Culture { get; set; } = "ru";

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Address (slug)")]
    public string? Slug { get; set; }

    [StringLength(1000, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(200_000, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Text")]
    public string Body { get; set; } = "";

    public int Version { get; set; }

    /// <summary>When to publish, in Dushanbe time (for "Schedule").</summary>
    [Display(Name = "Publish at (Dushanbe time)")]
    public DateTime? PublishAt { get; set; }

    /// <summary>When to take it off the site again, in Dushanbe time; empty for never.</summary>
    [Display(Name = "Unpublish at (Dushanbe time)")]
    public DateTime? UnpublishAt { get; set; }

    public PublicState State { get; set; }

    /// <summary>The type's own fields: bound by the controller under the prefix <c>Fields</c>, per the type's definition.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    [Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
    public ContentFields Fields { get; set; } = new NoFields();

    /// <summary>The editor ticked "publish anyway" after a confirmation question.</summary>
    public bool Confirmed { get; set; }

    /// <summary>The question to confirm, as a resource key, when the last save needs it.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string? ConfirmQuestion { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public bool HasPendingChanges { get; set; }

    public IReadOnlyList<TranslationState> Translations { get; set; } = [];

    public ContentInput ToInput() => new(
        Culture, Title, Slug, Summary, Body, Version,
        PublishAt is { } at ? DushanbeTime.ToUtc(at) : null,
        UnpublishAt is { } until ? DushanbeTime.ToUtc(until) : null,
        Fields,
        Confirmed);

    public static ContentFormViewModel From(ContentItem item, WorkingCopy copy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(copy);
        return new()
        {
            Id = item.Id,
            Culture = item.Culture,
            Title = copy.Title,
            Slug = copy.Slug,
            Summary = copy.Summary,
            Body = copy.Body,
            Version = item.Version,
            State = item.StateAt(nowUtc),
            Fields = copy.Fields,
            PublishedUtc = item.PublishedUtc,
            PublishAt = item.PublishedUtc is { } at && at > nowUtc ? DushanbeTime.ToLocal(at) : null,
            UnpublishAt = item.UnpublishUtc is { } until ? DushanbeTime.ToLocal(until) : null,
            HasPendingChanges = item.PendingRevisionId is not null,
        };
    }

    /// <summary>The value of a datetime-local input.</summary>
    public static string? InputValue(DateTime? local) =>
        local?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a list or form needs to know about the content type it shows: its definition, with localised names.</summary>
public sealed record ContentTypeInfo(ContentDefinition Definition, string PluralName, string SingularName)
{
    public string Controller => Definition.AdminSegment;

    public bool CanCreate => Definition.CanCreate;

    public string BasePath => "/admin/" + Definition.AdminSegment;
}

public sealed record ContentListViewModel(ContentTypeInfo Type, PagedList<AdminContentRow> Rows, string? Culture);

public sealed record ContentEditViewModel(ContentTypeInfo Type, ContentFormViewModel Form, string? PublicPath, bool Conflict = false)
{
    /// <summary>A fixed address (About, Contacts…) keeps its slug; any other item's slug may be edited.</summary>
    public bool SlugEditable => Form.Id == 0 || !Type.Definition.IsFixed(Form.Slug ?? "");

    /// <summary>A fixed page cannot go to the trash.</summary>
    public bool CanTrash => Form.Id != 0 && Type.CanCreate && !Type.Definition.IsFixed(Form.Slug ?? "");

    /// <summary>On a conflict: the saved version's own fields, labelled.</summary>
    public IReadOnlyList<FieldValue> CurrentFields { get; init; } = [];

    /// <summary>On a conflict: the version someone else saved meanwhile.</summary>
    public ContentFormViewModel? Current { get; init; }

    public IReadOnlyList<ShareLink> ShareLinks { get; init; } = [];

    /// <summary>A share link just created: its full address is shown once.</summary>
    public string? NewShareUrl { get; init; }

    public int ShareLinkDays { get; init; } = 7;

    public DateTime NowUtc { get; init; }
}

public sealed record HistoryViewModel(ContentTypeInfo Type, int Id, string Title, IReadOnlyList<ContentRevision> Revisions);

public sealed record RevisionViewModel(ContentTypeInfo Type, int Id, ContentRevision Revision, string BodyHtml, IReadOnlyList<FieldValue> Fields);

/// <summary>One of a type's own fields in the diff: its value before and after.</summary>
public sealed record FieldChange(string Label, string Before, string After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

public sealed record DiffViewModel(
    ContentTypeInfo Type,
    int Id,
    ContentRevision From,
    ContentRevision To,
    IReadOnlyList<DiffLine> Title,
    IReadOnlyList<DiffLine> Summary,
    IReadOnlyList<DiffLine> Body,
    IReadOnlyList<FieldChange> Fields);

/// <summary>A question the editor must answer before publishing, for example a translation still in the original's words.</summary>
public sealed record ConfirmPublishViewModel(ContentTypeInfo Type, int Id, string Title, string Question);

public sealed record TrashViewModel(ContentTypeInfo Type, IReadOnlyList<TrashRow> Rows, int RetentionDays, bool CanPurge);

public sealed record TrashRow(int Id, string Culture, string Title, DateTime DeletedUtc);

public sealed record ContentDeleteViewModel(ContentTypeInfo Type, int Id, string Title, string Culture, int OtherTranslations);

public sealed record AuditViewModel(
    Coalition.Web.Features.Audit.AuditPage Result,
    string? User,
    string? Action,
    string? Type,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string> EntityTypes)
{
    public string Query(int page) =>
        Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["user"] = User,
            ["action"] = Action,
            ["type"] = Type,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).Value ?? "";
}
