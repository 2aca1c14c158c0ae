using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Events;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Events;

/// <summary>The public lists of events: upcoming (soonest first) and past (newest first), from the (Culture, StartUtc) index.</summary>
public sealed class EventQueries(CoalitionDbContext db, EventRegistrations registrations, TimeProvider clock)
{
    /// <summary>At most this many upcoming events on the list page; the calendar feed has them all.</summary>
    public const int UpcomingLimit = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Event> Visible(string culture) =>
        db.Events.AsNoTracking().Where(e => e.Culture == culture).VisibleToPublic(Now);

    public async Task<IReadOnlyList<EventCard>> UpcomingAsync(string culture, CancellationToken ct = default)
    {
        var now = Now;
        return await CardsAsync(Visible(culture).Where(e => e.StartUtc > now).OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Take(UpcomingLimit), ct);
    }

    public Task<bool> HasPastAsync(string culture, CancellationToken ct = default)
    {
        var now = Now;
        return Visible(culture).AnyAsync(e => e.StartUtc <= now, ct);
    }

    public async Task<PagedList<EventCard>> PastAsync(string culture, int page, int pageSize, CancellationToken ct = default)
    {
        var now = Now;
        var query = Visible(culture).Where(e => e.StartUtc <= now);
        var total = await query.CountAsync(ct);
        var cards = await CardsAsync(query.OrderByDescending(e => e.StartUtc).ThenByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new PagedList<EventCard>(cards, page, PagedList<EventCard>.PagesFor(total, pageSize), total);
    }

    /// <summary>Every visible event of a language that has not ended, and those ended in the last 30 days, for the calendar feed.</summary>
    public async Task<IReadOnlyList<Event>> ForFeedAsync(string culture, CancellationToken ct = default)
    {
        var since = Now.AddDays(-30);
        return await Visible(culture).Where(e => e.EndUtc >= since).OrderBy(e => e.StartUtc).ThenBy(e => e.Id).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<EventCard>> CardsAsync(IQueryable<Event> query, CancellationToken ct)
    {
        var events = await query.Select(e => new
        {
            e.Slug, e.Title, e.Summary, e.StartUtc, e.EndUtc, e.City, e.Audience, e.EventLanguage, e.TranslationGroupId,
            e.Capacity, e.RegistrationClosesUtc, e.Cancelled,
        }).ToListAsync(ct);
        var groups = events.Select(e => e.TranslationGroupId).Distinct().ToList();
        var counts = await registrations.CountsAsync(groups, ct);
        var capacities = await db.Events.AsNoTracking().Where(e => groups.Contains(e.TranslationGroupId) && e.DeletedUtc == null)
            .Select(e => new Event
            {
                Id = e.Id, TranslationGroupId = e.TranslationGroupId, Capacity = e.Capacity, UpdatedUtc = e.UpdatedUtc,
                Status = e.Status, PublishedUtc = e.PublishedUtc, UnpublishUtc = e.UnpublishUtc,
            }).ToListAsync(ct);
        var now = Now;
        var capacity = capacities.GroupBy(c => c.TranslationGroupId)
            .ToDictionary(g => g.Key, g => EventRegistrations.GroupCapacity(g, now));
        return events.Select(e =>
        {
            counts.TryGetValue(e.TranslationGroupId, out var c);
            var shell = new Event { StartUtc = e.StartUtc, RegistrationClosesUtc = e.RegistrationClosesUtc, Cancelled = e.Cancelled };
            var places = EventRegistrations.Places(shell, capacity.GetValueOrDefault(e.TranslationGroupId, e.Capacity), c.Confirmed, c.Waiting, now);
            return new EventCard(e.Slug, e.Title, e.Summary, e.StartUtc, e.EndUtc, e.City, e.Audience, e.EventLanguage, places);
        }).ToList();
    }
}
