using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.Press;

/// <summary>A document attached to a release or in the press kit: its file name for the address, and what the link says.</summary>
public sealed record PressDocument(int MediaId, string StoredName, string DisplayName, string FormatLabel, string ContentType, long SizeBytes, string? Language);

/// <summary>A photo attached to a release or in the press kit: the image, its largest JPEG for download, credit and usage note.</summary>
public sealed record PressPhoto(int MediaId, MediaImage Image, string DownloadName, int DownloadWidth, string? Credit, string? UsageNote, string? Caption = null);

/// <summary>A media contact in the page's language.</summary>
public sealed record PressContactView(int Id, string Name, string? Role, IReadOnlyList<string> Languages, string? Email, string? Phone, string? Note)
{
    /// <summary>The phone number as a <c>tel:</c> URI: digits and the leading plus only.</summary>
    public string? TelHref => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}

/// <summary>
/// One press release as its page, its preview and an access link show it. <see cref="FileBase"/> is where its files
/// are served: the release's own address on the public page, the access link's for an embargoed reader, and the
/// media library's (null) for staff previews.
/// </summary>
public sealed record PressReleaseViewModel(
    int Id,
    string Culture,
    string Slug,
    string Title,
    string? Summary,
    string BodyHtml,
    DateTime? PublishedUtc,
    string? PlaceLine,
    IReadOnlyList<PressDocument> Documents,
    IReadOnlyList<PressPhoto> Photos,
    IReadOnlyList<PressContactView> Contacts)
{
    public string? FileBase { get; init; }

    /// <summary>Set when an access-link holder reads the release before its embargo ends.</summary>
    public DateTime? EmbargoedUntilUtc { get; init; }

    public string FileUrl(string storedName) => (FileBase ?? MediaUrls.Prefix) + storedName;
}

/// <summary>A release in the list: its date and place, title, summary and files.</summary>
public sealed record PressListItem(int Id, string Slug, string Title, string? Summary, DateTime PublishedUtc, string? PlaceLine, IReadOnlyList<PressDocument> Documents);

public sealed record PressDocumentsPartial(IReadOnlyList<PressDocument> Documents, string FileBase);

public sealed record PressListViewModel(PagedList<PressListItem> Page, IReadOnlyList<int> Years, int? Year);

public sealed record PressContactsViewModel(IReadOnlyList<PressContactView> Contacts);

public sealed record PressKitViewModel(IReadOnlyList<PressDocument> Documents, IReadOnlyList<PressPhoto> Photos, long ZipSizeBytes, IReadOnlyList<PressContactView> Contacts);

/// <summary>The alerts form; <see cref="Sent"/> shows the neutral answer instead.</summary>
public sealed class PressSubscribeViewModel
{
    [System.ComponentModel.DataAnnotations.StringLength(254)]
    public string? Email { get; set; }

    public bool Sent { get; set; }
}

/// <summary>A page that answers a link from a mail (confirm, unsubscribe).</summary>
public sealed record PressMessageViewModel(string Heading, string Text, string? UnsubscribeToken = null);
