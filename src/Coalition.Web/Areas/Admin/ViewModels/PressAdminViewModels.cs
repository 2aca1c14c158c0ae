using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Areas.Admin.ViewModels;

public sealed record PressRoomViewModel(IReadOnlyList<MediaContact> Contacts, IReadOnlyList<PressKitItem> Kit, IReadOnlyList<MediaItem> KitCandidates, IReadOnlyList<PressRelease> Releases, DateTime NowUtc);

/// <summary>The media-contact form; the translated role and note have one field per language.</summary>
public sealed class MediaContactForm
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(150, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(150, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Role (Russian)")]
    public string? RoleRu { get; set; }

    [StringLength(150, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Role (Tajik)")]
    public string? RoleTg { get; set; }

    [StringLength(150, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Role (English)")]
    public string? RoleEn { get; set; }

    [Display(Name = "Languages spoken")]
    public List<string> Languages { get; set; } = [];

    [EmailAddress(ErrorMessage = "Enter an e-mail address.")]
    [StringLength(254, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string? Email { get; set; }

    [RegularExpression(@"^\+?[0-9 ()\-]{5,40}$", ErrorMessage = "Enter the phone number in international format, for example +992 00 000 00 00.")]
    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Note (Russian)")]
    public string? NoteRu { get; set; }

    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Note (Tajik)")]
    public string? NoteTg { get; set; }

    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Note (English)")]
    public string? NoteEn { get; set; }

    [Range(0, 1000, ErrorMessage = "The {0} field must be between {1} and {2}.")]
    [Display(Name = "Order")]
    public int SortOrder { get; set; }

    [Display(Name = "Listed on the contacts page")]
    public bool Listed { get; set; } = true;

    public static MediaContactForm From(MediaContact c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Name = c.Name, RoleRu = c.RoleRu, RoleTg = c.RoleTg, RoleEn = c.RoleEn, Email = c.Email, Phone = c.Phone,
            NoteRu = c.NoteRu, NoteTg = c.NoteTg, NoteEn = c.NoteEn, SortOrder = c.SortOrder, Listed = c.Listed,
            Languages = c.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
        };
    }

    public MediaContact ToEntity() => new()
    {
        Name = Name, RoleRu = RoleRu, RoleTg = RoleTg, RoleEn = RoleEn, Email = Email, Phone = Phone,
        NoteRu = NoteRu, NoteTg = NoteTg, NoteEn = NoteEn, SortOrder = SortOrder, Listed = Listed,
        Languages = string.Join(',', Languages),
    };
}

public sealed record MediaContactEditViewModel(int Id, MediaContactForm Form);

public sealed class AccessLinkForm
{
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(150, ErrorMessage = "The {0} field must be at most {1} characters.")]
    [Display(Name = "Recipient")]
    public string Recipient { get; set; } = "";

    [Range(1, 30, ErrorMessage = "The {0} field must be between {1} and {2}.")]
    [Display(Name = "Valid for (days)")]
    public int Days { get; set; } = 7;
}

/// <param name="NewLink">The absolute address of a link just created: shown once, never stored.</param>
public sealed record AccessLinksViewModel(PressRelease Release, IReadOnlyList<PressAccessLink> Links, AccessLinkForm Form, string? NewLink, DateTime NowUtc)
{
    public PublicState State => Release.StateAt(NowUtc);
}

public sealed record PressSubscribersViewModel(PagedList<PressSubscriber> Page, string? Culture);
