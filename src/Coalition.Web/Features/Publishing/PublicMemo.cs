using System.Collections.Concurrent;
using Coalition.Web.Features.Caching;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// How many items each public list has, remembered per type and language until content changes or the next scheduled
/// moment of that language passes (<see cref="ContentSchedule"/>): counting 100,000 rows on every page view is the
/// largest cost of a deep list.
/// </summary>
public sealed class PublicCounts(ContentSchedule schedule, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Type, string Culture), (long Generation, DateTime? Until, int Count)> _counts = new();

    public async Task<int> GetAsync(string type, string culture, Func<Task<int>> count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        var generation = schedule.Generation;
        var now = clock.GetUtcNow().UtcDateTime;
        if (_counts.TryGetValue((type, culture), out var known) && known.Generation == generation && (known.Until is null || known.Until > now))
        {
            return known.Count;
        }

        var until = await schedule.NextMomentAsync(culture, ct);
        var fresh = await count();
        _counts[(type, culture)] = (generation, until, fresh);
        return fresh;
    }
}
