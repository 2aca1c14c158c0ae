namespace Coalition.Web.Features.Publishing;

public enum ContentChangeKind
{
    Created,
    Edited,
    Published,
    Unpublished,
    RevisionRestored,
    Trashed,
    RestoredFromTrash,
    Purged,
    TranslationsChanged,
}

/// <param name="LiveChanged">What the public sees (or will see at its publish time) changed; false for a change that
/// stays pending in a revision.</param>
/// <param name="FormerTranslationGroupId">For a link or unlink: the group the item left, whose pages linked to it.</param>
public sealed record ContentChange(ContentDefinition Type, int Id, string Culture, Guid TranslationGroupId, string Slug, ContentChangeKind Kind, bool LiveChanged, Guid? FormerTranslationGroupId = null);

/// <summary>
/// Told after every saved change of any content type: the seam for what follows content (the search index, cache
/// eviction, alerts). Register with <c>services.AddScoped&lt;IContentChangeListener, …&gt;()</c>. Changes that happen by
/// time alone (a scheduled publish, an unpublish-at, an embargo's end) raise nothing: listeners that care compare
/// <see cref="Data.Entities.ContentItem.PublishedUtc"/> and <see cref="Data.Entities.ContentItem.UnpublishUtc"/> with the clock.
/// A listener that throws is logged and never undoes the save.
/// </summary>
public interface IContentChangeListener
{
    Task OnChangedAsync(ContentChange change, CancellationToken ct);
}
