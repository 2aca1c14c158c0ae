using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.OutputCaching;

namespace Coalition.Web.Features.Caching;

/// <summary>Evicts exactly the cached pages that show a changed item (<see cref="CacheTags.ForChange"/>), and lets features evict their own.</summary>
public sealed class ContentCacheEviction(IOutputCacheStore store, ContentSchedule schedule) : IContentChangeListener
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
