namespace Coalition.Data.Entities;

/// <summary>
/// A media campaign for 26 June or 10 December of one year: while its window is open, every public page leads to it.
/// Its stories are the news articles whose <see cref="NewsArticle.CampaignGroupId"/> is this campaign's translation group.
/// </summary>
public class Campaign : ContentItem, IHasCoverImage
{
    public int Year { get; set; }

    public CampaignDay Day { get; set; }

    /// <summary>UTC start of the window in which the banner and the home page's lead block show the campaign.</summary>
    public DateTime WindowStartUtc { get; set; }

    /// <summary>UTC end of the window (exclusive).</summary>
    public DateTime WindowEndUtc { get; set; }

    /// <summary>One line under the title in lists and in the banner.</summary>
    public string? ThemeLine { get; set; }

    public int? CoverMediaId { get; set; }

    public MediaItem? CoverMedia { get; set; }

    /// <summary>Posters, leaflets, reports and links, in the order shown; in this item's language (stored as JSON).</summary>
    public List<CampaignMaterial> Materials { get; set; } = [];
}

/// <summary>The two days the Coalition campaigns for.</summary>
public enum CampaignDay
{
    /// <summary>International Day in Support of Victims of Torture.</summary>
    June26 = 0,

    /// <summary>Human Rights Day.</summary>
    December10 = 1,
}

/// <summary>One material of a campaign: a library document, a library image, or an https link elsewhere (never embedded).</summary>
public sealed class CampaignMaterial
{
    public string Label { get; set; } = "";

    public int? DocumentId { get; set; }

    public int? ImageId { get; set; }

    public string? Url { get; set; }
}
