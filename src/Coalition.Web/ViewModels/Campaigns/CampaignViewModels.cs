using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.Campaigns;

/// <summary>The archive: newest year first, each year's campaigns newest day first.</summary>
public sealed record CampaignListViewModel(IReadOnlyList<CampaignYear> Years, bool Untranslated);

public sealed record CampaignYear(int Year, IReadOnlyList<CampaignCard> Campaigns);

public sealed record CampaignCard(string Culture, string Slug, string Title, string? ThemeLine, int Year, CampaignDay Day, MediaImage? Cover);

/// <summary>The campaign that is running now, for the banner on every page and the lead block of the home page.</summary>
public sealed record ActiveCampaignViewModel(CampaignCard Campaign, bool Lead, string? Summary);

public sealed record CampaignPageViewModel(
    string Culture,
    string Slug,
    string Title,
    string? Summary,
    string BodyHtml,
    int Year,
    CampaignDay Day,
    string? ThemeLine,
    MediaImage? Cover,
    IReadOnlyList<MaterialView> Materials,
    IReadOnlyList<ContentSummary> Stories,
    IReadOnlyList<MessageView> Messages,
    SupportMessageForm Form)
{
    /// <summary>The visitor's message was received: show the thank-you note instead of an empty form.</summary>
    public bool Sent { get; init; }

    /// <summary>The form was refused as a whole (too fast, too many): this says why, already localised.</summary>
    public string? FormProblem { get; init; }
}

/// <param name="Format">"PDF", "JPEG"…; null for a link elsewhere.</param>
/// <param name="Host">For a link elsewhere: the site it leads to.</param>
public sealed record MaterialView(string Label, string Url, bool External, string? Format, long? SizeBytes, string? Host, int? Width = null, int? Height = null);

public sealed record MessageView(string? FirstName, string? Town, string Text, string Culture, DateTime CreatedUtc);

/// <summary>The message-of-support form. <see cref="Website"/> is the honeypot, <see cref="Started"/> the protected time the form was shown.</summary>
public sealed class SupportMessageForm
{
    public const int TextLength = 1000;

    [Display(Name = "First name (optional)")]
    [StringLength(50, ErrorMessage = "The first name can be at most 50 characters.")]
    public string? FirstName { get; set; }

    [Display(Name = "Town (optional)")]
    [StringLength(80, ErrorMessage = "The town can be at most 80 characters.")]
    public string? Town { get; set; }

    [Display(Name = "Your message")]
    public string? Text { get; set; }

    /// <summary>Hidden from people; a bot that fills every field fills this one.</summary>
    public string? Website { get; set; }

    public string? Started { get; set; }
}
