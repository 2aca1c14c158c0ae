using System.Collections.Concurrent;
using Coalition.Web.Features.Caching;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Small answers about the public site that almost every page asks for and that change only with content or time: how
/// many items a list has (counting 100,000 rows on every page view is the largest cost of a deep list) and which
/// campaign runs now (a banner on every page). Remembered per key and language until one of these comes first:
/// <list type="bullet">
/// <item>content changes on this instance (<see cref="ContentSchedule.Generation"/>);</item>
/// <item>the language's next scheduled moment passes (<see cref="ContentSchedule.NextMomentAsync"/>);</item>
/// <item><see cref="ContentSchedule.Recheck"/> has gone by: a change saved on another instance raises no event here.</item>
/// </list>
/// When an answer worked out again differs from the remembered one with no change seen here, the change was saved
/// elsewhere, and this instance may have put pages built from the old answer into a shared output cache (Redis) in the
/// meantime: the pages under the caller's tag are evicted, so they converge within the recheck time.
/// </summary>
public sealed class PublicMemo(ContentSchedule schedule, TimeProvider clock, IServiceProvider services)
{
    private readonly ConcurrentDictionary<(string Key, string Culture), Entry> _entries = new();

    /// <param name="evictTag">The output-cache tag of the pages that show this answer.</param>
    public async Task<T> GetAsync<T>(string key, string culture, string evictTag, Func<Task<T>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var generation = schedule.Generation;
        var now = clock.GetUtcNow().UtcDateTime;
        var remembered = _entries.TryGetValue((key, culture), out var known);
        if (remembered && known!.Generation == generation && known.Until > now)
        {
            return (T)known.Value!; // null is a real answer ("no campaign runs now") and is remembered too
        }

        var next = await schedule.NextMomentAsync(culture, ct);
        var until = now + ContentSchedule.Recheck;
        if (next is { } moment && moment < until)
        {
            until = moment;
        }

        var fresh = await compute();
        _entries[(key, culture)] = new Entry(generation, until, fresh);
        // (Also when a moment passed: those pages are keyed by the moment and rendered again anyway.)
        if (remembered && known!.Generation == generation && !Equals(known.Value, fresh)
            && services.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>() is { } cache)
        {
            await cache.EvictByTagAsync(evictTag, ct);
        }

        return fresh;
    }

    private sealed record Entry(long Generation, DateTime Until, object? Value);
}
