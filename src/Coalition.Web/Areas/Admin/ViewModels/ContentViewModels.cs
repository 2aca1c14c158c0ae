using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
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

    /// <summary>The cover image's media id, for content types that have one; empty for none.</summary>
    [Display(Name = "Cover image")]
    public int? CoverMediaId { get; set; }

    public PublicationStatus Status { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public IReadOnlyList<TranslationState> Translations { get; set; } = [];

    public ContentInput ToInput() => new(Culture, Title, Slug, Summary, Body, Version, CoverMediaId);

    public static ContentFormViewModel From(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            Id = item.Id,
            Culture = item.Culture,
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            Body = item.BodyMarkdown,
            Version = item.Version,
            CoverMediaId = (item as IHasCoverImage)?.CoverMediaId,
            Status = item.Status,
            PublishedUtc = item.PublishedUtc,
        };
    }
}

/// <summary>What a list or form needs to know about the content type it shows.</summary>
public sealed record ContentTypeInfo(
    string Controller,
    string PluralName,
    string SingularName,
    bool CanCreate,
    bool SlugEditable,
    bool HasCover = false);

public sealed record ContentListViewModel(ContentTypeInfo Type, PagedList<AdminContentRow> Rows, string? Culture);

public sealed record ContentEditViewModel(ContentTypeInfo Type, ContentFormViewModel Form, string? PublicPath, bool Conflict = false)
{
    /// <summary>On a conflict: the version someone else saved meanwhile.</summary>
    public ContentFormViewModel? Current { get; init; }
}

public sealed record ContentDeleteViewModel(ContentTypeInfo Type, int Id, string Title, string Culture, int OtherTranslations);

public sealed record DashboardViewModel(
    IReadOnlyList<AdminContentRow> Drafts,
    IReadOnlyList<AdminContentRow> RecentlyPublished,
    IReadOnlyList<AdminContentRow> OutdatedTranslations);

public sealed record AuditViewModel(
    Coalition.Web.Features.Audit.AuditPage Result,
    string? User,
    string? Action,
    string? Type,
    DateOnly? From,
    DateOnly? To)
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
