using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.OutputCaching;

namespace Coalition.Web.Features.Caching;

/// <summary>Evicts exactly the cached pages that show a changed item (<see cref="CacheTags.ForChange"/>), and lets features evict their own.</summary>
public sealed class ContentCacheEviction(IOutputCacheStore store, ContentSchedule schedule, Data.CoalitionDbContext db) : IContentChangeListener
{
    public async Task OnChangedAsync(ContentChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        schedule.Invalidate();
        if (!change.LiveChanged)
        {
            return; // a change that waits in a revision shows nowhere yet
        }

        await EvictAsync(CacheTags.ForChange(change), ct);
    }

    /// <summary>A library file's alt text changed: the pages of the items that show it (and their lists) are rendered again.</summary>
    public async Task EvictForMediaAsync(IEnumerable<Media.MediaUse> uses, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var tags = new List<string>();
        foreach (var use in uses.Where(u => !u.InTrash))
        {
            if (ContentTypes.ByName(use.ContentType) is { } definition
                && await db.FindAsync(definition.EntityType, [use.Id], ct) is Data.Entities.ContentItem item)
            {
                tags.AddRange(CacheTags.ForChange(new ContentChange(definition, item.Id, item.Culture, item.TranslationGroupId, item.Slug, ContentChangeKind.Edited, LiveChanged: true)));
            }
        }

        await EvictAsync(tags, ct);
    }

    /// <summary>For features outside the content types: an approved message, a changed registration count, edited alt text.</summary>
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}
