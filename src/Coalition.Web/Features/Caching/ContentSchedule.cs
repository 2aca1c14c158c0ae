using System.Collections.Concurrent;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Caching;

/// <summary>
/// The next minute at which the public site of a language changes by time alone: a scheduled item goes live, an item
/// expires, an embargo ends, a campaign window opens or closes (<see cref="ContentDefinition.ScheduleColumns"/>).
/// Cached pages are keyed by it, so none outlives that moment, with no job and no restart. Kept in memory and worked
/// out again when the moment passes, when content changes here, and at least every <see cref="Recheck"/>: a change
/// saved on another instance raises no event on this one, and the cache key changes as soon as the moment is known.
/// </summary>
public sealed class ContentSchedule(IServiceScopeFactory scopes, TimeProvider clock, IServiceProvider services)
{
    /// <summary>How long a worked-out moment is trusted before the database is asked again.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTime? Next, DateTime CheckedUtc)> _next = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime?> _seen = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>The next moment after now in <paramref name="culture"/>, or null when nothing is scheduled.</summary>
    public async ValueTask<DateTime?> NextMomentAsync(string culture, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_next.TryGetValue(culture, out var known) && (known.Next is null || known.Next > now) && now - known.CheckedUtc < Recheck)
        {
            return known.Next;
        }

        var generation = Interlocked.Read(ref _generation);
        var next = await ComputeAsync(culture, now, ct);
        if (generation == Interlocked.Read(ref _generation))
        {
            _next[culture] = (next, now);
        }

        // A recheck found a moment nobody told this instance about (scheduled on another one): pages cached under the
        // old moment would outlive the new one, so the language's pages are rendered again.
        // (Kept apart from the memo, which a local change clears.)
        var seenBefore = _seen.TryGetValue(culture, out var seen);
        _seen[culture] = next;
        // The store is asked for here, not injected: it depends on the cache options, which depend on this class.
        if (seenBefore && seen != next && (seen is null || seen > now)
            && services.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>() is { } cache)
        {
            await cache.EvictByTagAsync(CacheTags.Culture(culture), ct);
        }

        return next;
    }

    /// <summary>Goes up on every content change: what was worked out before it is stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Content changed: work the moments out again on the next request.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _next.Clear();
    }

    private async Task<DateTime?> ComputeAsync(string culture, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        DateTime? next = null;
        foreach (var definition in ContentTypes.All)
        {
            var method = typeof(ContentSchedule).GetMethod(nameof(NextOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(definition.EntityType);
            var candidate = await (Task<DateTime?>)method.Invoke(null, [db, definition, culture, now, ct])!;
            if (candidate is { } c && (next is null || c < next))
            {
                next = c;
            }
        }

        return next;
    }

    private static async Task<DateTime?> NextOfAsync<T>(CoalitionDbContext db, ContentDefinition definition, string culture, DateTime now, CancellationToken ct)
        where T : ContentItem
    {
        var items = db.Set<T>().AsNoTracking().Where(x => x.Culture == culture && x.Status == PublicationStatus.Published && x.DeletedUtc == null);
        var moments = new List<DateTime?>
        {
            await items.Where(x => x.PublishedUtc > now).MinAsync(x => x.PublishedUtc, ct),
            await items.Where(x => x.UnpublishUtc > now).MinAsync(x => x.UnpublishUtc, ct),
        };
        foreach (var column in definition.ScheduleColumns)
        {
            moments.Add(typeof(T).GetProperty(column)?.PropertyType == typeof(DateTime)
                ? await items.Where(x => EF.Property<DateTime>(x, column) > now).Select(x => (DateTime?)EF.Property<DateTime>(x, column)).MinAsync(ct)
                : await items.Where(x => EF.Property<DateTime?>(x, column) > now).MinAsync(x => EF.Property<DateTime?>(x, column), ct));
        }

        return moments.Where(m => m is not null).Min();
    }
}
