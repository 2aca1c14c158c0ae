namespace Coalition.Data.Entities;

/// <summary>
/// What every piece of editable, translatable content shares: a culture, a translation group,
/// a slug unique per culture, Markdown source with its sanitised HTML, and a publishing state.
/// Each content type is its own table; this base class is not mapped on its own.
/// </summary>
public abstract class ContentItem
{
    public int Id { get; set; }

    /// <summary>Two-letter culture code: ru, tg or en.</summary>
    public string Culture { get; set; } = "";

    /// <summary>Items with the same group id are translations of one another (at most one per culture).</summary>
    public Guid TranslationGroupId { get; set; } = Guid.NewGuid();

    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";

    /// <summary>Rendered from <see cref="BodyMarkdown"/> and sanitised on every save; the only HTML a page prints.</summary>
    public string BodyHtml { get; set; } = "";

    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    /// <summary>
    /// UTC time the item is, or will be, shown to the public, and the date visitors see.
    /// A published item whose time is still in the future is scheduled.
    /// </summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>UTC time the item leaves the public site again, for example a campaign page that expires. Null: never.</summary>
    public DateTime? UnpublishUtc { get; set; }

    /// <summary>UTC time the item was moved to the trash. Null: not in the trash.</summary>
    public DateTime? DeletedUtc { get; set; }

    /// <summary>
    /// While the item is published, an editor's saved-but-unpublished changes live in this revision;
    /// the columns above keep the version the public sees until the editor publishes.
    /// </summary>
    public int? PendingRevisionId { get; set; }

    public ContentRevision? PendingRevision { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>UTC time an editor last saved the item through the edit form (publishing does not count).</summary>
    public DateTime UpdatedUtc { get; set; }

    /// <summary>UTC time the title, summary or body last changed; translations made before it are outdated.</summary>
    public DateTime ContentChangedUtc { get; set; }

    /// <summary>The item this one was translated from, if it was made with "Translate to…".</summary>
    public int? TranslatedFromId { get; set; }

    /// <summary>Incremented on every save; the optimistic-concurrency token on both providers.</summary>
    public int Version { get; set; }

    public string? CreatedById { get; set; }
    public string? UpdatedById { get; set; }

    /// <summary>
    /// The media-library ids that this item's own fields use (a cover, attachments, materials), as <c>|12|40|</c>:
    /// one portable column that "where used" and file visibility search for every type alike.
    /// Images and files linked in the text are found in <see cref="BodyMarkdown"/> itself.
    /// </summary>
    public string? MediaRefs { get; set; }
}

public enum PublicationStatus
{
    Draft = 0,
    Published = 1,
}
