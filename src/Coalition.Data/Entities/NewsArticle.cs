namespace Coalition.Data.Entities;

public class NewsArticle : ContentItem, IHasCoverImage
{
    /// <summary>The cover image from the media library, shown in lists and on top of the article.</summary>
    public int? CoverMediaId { get; set; }

    public MediaItem? CoverMedia { get; set; }

    /// <summary>The campaign this article is a story of: the campaign's translation group. Null: none.</summary>
    public Guid? CampaignGroupId { get; set; }
}
