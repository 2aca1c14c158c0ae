using System.Data;
using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Events;

/// <summary>How many places an event has, and whether a visitor can still register.</summary>
public sealed record EventPlaces(int Capacity, int Confirmed, int Waiting, RegistrationState State)
{
    public int Left => Math.Max(0, Capacity - Confirmed);
}

public enum RegistrationState
{
    Open,

    /// <summary>Full: a new registration goes on the waiting list.</summary>
    WaitingList,
    Closed,
    Cancelled,
}

public enum RegistrationOutcome
{
    Registered,
    Waiting,
    Closed,
    EventCancelled,
}

/// <summary>A change of the list that the person concerned is told about by e-mail, after the transaction commits.</summary>
internal sealed record RegistrationNotice(EventMailKind Kind, EventRegistration Registration, int WaitingNumber = 0, string? CancelToken = null);

/// <summary>
/// The registration list of an event, shared by its translations (keyed by the translation group). Every change takes
/// the group's lock first (<see cref="InListLockAsync{T}"/>), so capacity is exact however many people register at
/// once; the mails go out after the commit, through the mail queue.
/// </summary>
public sealed class EventRegistrations(CoalitionDbContext db, EventMails mails, Caching.ContentCacheEviction cache, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The group's capacity: the capacity the public sees, that is of the translation the public can see that was saved
    /// most recently (a draft translation counts only while no translation is public), so that changing it in any
    /// language changes it for all (docs/decisions/0012-event-registrations.md). A published change writes its capacity
    /// to every translation at once (<see cref="LiveEventChangedAsync"/>), so they agree.
    /// </summary>
    public Task<int> CapacityAsync(Guid group, CancellationToken ct = default)
    {
        var now = Now;
        return db.Events.AsNoTracking().Where(e => e.TranslationGroupId == group && e.DeletedUtc == null)
            .OrderByDescending(e => e.Status == PublicationStatus.Published && e.PublishedUtc != null && e.PublishedUtc <= now && (e.UnpublishUtc == null || e.UnpublishUtc > now))
            .ThenByDescending(e => e.UpdatedUtc).ThenByDescending(e => e.Id)
            .Select(e => e.Capacity).FirstOrDefaultAsync(ct);
    }

    /// <summary>The same rule as <see cref="CapacityAsync"/>, over translations already loaded (lists of many events).</summary>
    internal static int GroupCapacity(IEnumerable<Event> translations, DateTime now) =>
        translations.Where(e => e.DeletedUtc is null)
            .OrderByDescending(e => e.IsVisibleToPublic(now)).ThenByDescending(e => e.UpdatedUtc).ThenByDescending(e => e.Id)
            .Select(e => e.Capacity).FirstOrDefault();

    public async Task<EventPlaces> PlacesAsync(Event item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var counts = await CountsAsync([item.TranslationGroupId], ct);
        var capacity = await CapacityAsync(item.TranslationGroupId, ct);
        if (capacity == 0)
        {
            capacity = item.Capacity;
        }

        counts.TryGetValue(item.TranslationGroupId, out var c);
        return Places(item, capacity, c.Confirmed, c.Waiting, Now);
    }

    internal static EventPlaces Places(Event item, int capacity, int confirmed, int waiting, DateTime now) =>
        new(capacity, confirmed, waiting,
            item.Cancelled ? RegistrationState.Cancelled
            : now >= item.ClosesUtc ? RegistrationState.Closed
            : confirmed >= capacity ? RegistrationState.WaitingList
            : RegistrationState.Open);

    /// <summary>Confirmed and waiting per group, for lists: one query.</summary>
    public async Task<Dictionary<Guid, (int Confirmed, int Waiting)>> CountsAsync(IReadOnlyCollection<Guid> groups, CancellationToken ct = default)
    {
        var rows = await db.EventRegistrations.AsNoTracking()
            .Where(r => groups.Contains(r.EventGroupId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.EventGroupId, r.Status })
            .Select(g => new { g.Key.EventGroupId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.EventGroupId).ToDictionary(
            g => g.Key,
            g => (g.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Count), g.Where(r => r.Status == RegistrationStatus.Waiting).Sum(r => r.Count)));
    }

    /// <summary>
    /// Registers the visitor for <paramref name="item"/>. A repeated address gets no second registration: the answer
    /// is what a new registration would have got at this moment, and the e-mail tells the owner of the address that
    /// they were already registered.
    /// </summary>
    public async Task<(RegistrationOutcome Outcome, int WaitingNumber)> RegisterAsync(Event item, RegistrationForm form, string culture, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(form);
        var now = Now;
        if (item.Cancelled)
        {
            return (RegistrationOutcome.EventCancelled, 0);
        }

        if (now >= item.ClosesUtc)
        {
            return (RegistrationOutcome.Closed, 0);
        }

        var group = item.TranslationGroupId;
        var email = form.Email!.Trim();
        var key = EmailKey(email);
        var (result, notices) = await InListLockAsync(group, async sequence =>
        {
            var notices = new List<RegistrationNotice>();
            var capacity = await CapacityAsync(group, ct);
            var confirmed = await CountAsync(group, RegistrationStatus.Confirmed, ct);
            var existing = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventGroupId == group && r.EmailKey == key, ct);
            if (existing is { Status: not RegistrationStatus.Cancelled })
            {
                // The link in the first e-mail may be lost: the reminder brings a new one (the old one stops working).
                var token = NewToken(existing);
                await db.SaveChangesAsync(ct);
                notices.Add(new RegistrationNotice(EventMailKind.AlreadyRegistered, existing, await WaitingNumberAsync(existing, ct), token));
                var asIfNew = confirmed < capacity
                    ? (RegistrationOutcome.Registered, 0)
                    : (RegistrationOutcome.Waiting, await CountAsync(group, RegistrationStatus.Waiting, ct) + 1);
                return (asIfNew, notices);
            }

            var registration = existing ?? new EventRegistration { EventGroupId = group, EmailKey = key, CreatedUtc = now };
            registration.Sequence = sequence;
            registration.Status = confirmed < capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting;
            registration.StatusChangedUtc = now;
            registration.Culture = culture;
            registration.Name = form.Name!.Trim();
            registration.Email = email;
            registration.Phone = Trimmed(form.Phone);
            registration.Organisation = Trimmed(form.Organisation);
            registration.JobRole = Trimmed(form.JobRole);
            registration.LanguageNeeds = Trimmed(form.LanguageNeeds);
            registration.AccessibilityNeeds = Trimmed(form.AccessibilityNeeds);
            registration.Attended = false;
            var newToken = NewToken(registration);
            if (existing is null)
            {
                db.EventRegistrations.Add(registration);
            }

            await db.SaveChangesAsync(ct);
            var number = await WaitingNumberAsync(registration, ct);
            notices.Add(new RegistrationNotice(number == 0 ? EventMailKind.Registered : EventMailKind.Waiting, registration, number, newToken));
            return ((number == 0 ? RegistrationOutcome.Registered : RegistrationOutcome.Waiting, number), notices);
        }, ct);

        await mails.SendAsync(notices, ct);
        return result;
    }

    /// <summary>The registration a private cancel link belongs to, or null for a forged or expired link.</summary>
    public async Task<(EventRegistration Registration, Event? Event)?> FindByTokenAsync(string? token, string culture, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var registration = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.CancelTokenHash == hash, ct);
        if (registration is null)
        {
            return null;
        }

        return (registration, await EventOfAsync(registration.EventGroupId, culture, ct));
    }

    /// <summary>Cancels through the private link; the first person waiting takes the place. Null: no such link.</summary>
    public async Task<CancelState> CancelByTokenAsync(string? token, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, "", ct) is not { } found)
        {
            return CancelState.Invalid;
        }

        return await ChangeAsync(found.Registration.Id, RegistrationStatus.Cancelled, EventMailKind.Cancelled, ct) switch
        {
            ChangeOutcome.Done => CancelState.Done,
            ChangeOutcome.Unchanged => CancelState.AlreadyCancelled,
            _ => CancelState.Invalid,
        };
    }

    /// <summary>Moves a registration to another list (staff), or cancels it. Frees places go to the waiting list at once.</summary>
    internal async Task<ChangeOutcome> ChangeAsync(int registrationId, RegistrationStatus to, EventMailKind? tell, CancellationToken ct = default)
    {
        var groupId = await db.EventRegistrations.AsNoTracking().Where(r => r.Id == registrationId).Select(r => (Guid?)r.EventGroupId).FirstOrDefaultAsync(ct);
        if (groupId is not { } group)
        {
            return ChangeOutcome.NotFound;
        }

        var (outcome, notices) = await InListLockAsync(group, async sequence =>
        {
            var notices = new List<RegistrationNotice>();
            var registration = await db.EventRegistrations.FirstAsync(r => r.Id == registrationId, ct);
            if (registration.Status == to || registration.PersonalDataDeletedUtc is not null)
            {
                return (ChangeOutcome.Unchanged, notices);
            }

            registration.Status = to;
            registration.StatusChangedUtc = Now;
            if (to == RegistrationStatus.Waiting)
            {
                // Moved to the waiting list by staff: at its end, behind the people already waiting.
                registration.Sequence = sequence;
            }

            // A promotion mail carries a fresh cancel link (the one in the older mail stops working).
            var token = tell == EventMailKind.Promoted ? NewToken(registration) : null;
            await db.SaveChangesAsync(ct);
            if (tell is { } kind)
            {
                notices.Add(new RegistrationNotice(kind, registration, CancelToken: token));
            }

            notices.AddRange(await PromoteAsync(group, ct));
            return (ChangeOutcome.Done, notices);
        }, ct);

        await mails.SendAsync(notices, ct);
        return outcome;
    }

    /// <summary>Sets the capacity of every translation of the event and fills any new places from the waiting list at once.</summary>
    public async Task<int> SetCapacityAsync(Guid group, int capacity, CancellationToken ct = default)
    {
        var (promoted, notices) = await InListLockAsync(group, async _ =>
        {
            await db.Events.Where(e => e.TranslationGroupId == group).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, capacity), ct);
            var notices = await PromoteAsync(group, ct);
            return (notices.Count, notices);
        }, ct);
        await mails.SendAsync(notices, ct);
        return promoted;
    }

    /// <summary>
    /// After a saved change of the event <paramref name="eventId"/> that the public sees (an edit saved or published
    /// through the shared editor, a publish, an unpublish, a move to the trash): when that translation is public now,
    /// its capacity becomes the capacity of every translation, and in the same list lock the first people waiting
    /// take any places that are now free, and are told by e-mail at once. What counts is the capacity the public sees:
    /// a draft of a live event keeps its changed capacity in its pending revision, and nothing moves until that draft
    /// is published; a translation that is a draft, or scheduled, changes nothing until it is public (the
    /// <see cref="EventRegistrationJobs"/> sweep promotes when a scheduled one goes live).
    /// </summary>
    /// <returns>How many people were promoted.</returns>
    public async Task<int> LiveEventChangedAsync(int eventId, bool takeItsCapacity, CancellationToken ct = default)
    {
        var now = Now;
        var item = await db.Events.AsNoTracking().Where(e => e.Id == eventId).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return 0;
        }

        await TellCancellationAsync(item, now, ct);
        var group = item.TranslationGroupId;
        var share = takeItsCapacity && item.IsVisibleToPublic(now)
            && await db.Events.AnyAsync(e => e.TranslationGroupId == group && e.Id != eventId && e.Capacity != item.Capacity, ct);
        var waiting = await db.EventRegistrations.AnyAsync(r => r.EventGroupId == group && r.Status == RegistrationStatus.Waiting, ct);
        if (!share && !waiting)
        {
            return 0; // the common case (no one waiting, translations agree): no lock, no cache eviction
        }

        var (promoted, notices) = await InListLockAsync(group, async _ =>
        {
            if (share)
            {
                await db.Events.Where(e => e.TranslationGroupId == group && e.Id != eventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, item.Capacity), ct);
            }

            var notices = await PromoteAsync(group, ct);
            return (notices.Count, notices);
        }, ct);
        await mails.SendAsync(notices, ct);
        return promoted;
    }

    /// <summary>
    /// Fills free places from the waiting list of every event that has both: the safety net for changes that raise
    /// no content change, such as a scheduled translation going live. Run by <see cref="EventRegistrationJobs"/>.
    /// </summary>
    public async Task<int> PromoteEverywhereAsync(CancellationToken ct = default)
    {
        var now = Now;
        var groups = await db.EventRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Waiting)
            .Select(r => r.EventGroupId).Distinct().ToListAsync(ct);
        var promoted = 0;
        foreach (var group in groups)
        {
            var capacity = await CapacityAsync(group, ct);
            if (await CountAsync(group, RegistrationStatus.Confirmed, ct) >= capacity)
            {
                continue;
            }

            var (count, notices) = await InListLockAsync(group, async _ =>
            {
                var notices = await PromoteAsync(group, ct);
                return (notices.Count, notices);
            }, ct);
            await mails.SendAsync(notices, ct);
            promoted += count;
        }

        return promoted;
    }

    public async Task<bool> SetAttendedAsync(int registrationId, bool attended, CancellationToken ct = default) =>
        await db.EventRegistrations.Where(r => r.Id == registrationId && r.PersonalDataDeletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, attended), ct) > 0;

    /// <summary>The event's page in <paramref name="culture"/>, or in another language when it has no such translation.</summary>
    public async Task<Event?> EventOfAsync(Guid group, string culture, CancellationToken ct = default) =>
        await db.Events.AsNoTracking().Where(e => e.TranslationGroupId == group && e.DeletedUtc == null)
            .OrderByDescending(e => e.Culture == culture).ThenBy(e => e.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The live event <paramref name="item"/> is cancelled and has not started: everyone still on its list, confirmed
    /// or waiting, is told once, in the language they registered in (the list row remembers that they were told, in the
    /// same lock, so a second save of the cancelled event mails nobody). When no public translation is cancelled any
    /// more, the mark is cleared, so a later cancellation is told again. Registrations stay as they were: if the event
    /// is on again, staff write to the list from the registrations page.
    /// </summary>
    private async Task TellCancellationAsync(Event item, DateTime now, CancellationToken ct)
    {
        var group = item.TranslationGroupId;
        var list = await db.EventRegistrationLists.AsNoTracking().Where(l => l.EventGroupId == group)
            .Select(l => new { l.CancellationNoticeUtc }).FirstOrDefaultAsync(ct);
        if (list is null)
        {
            return; // nobody has ever registered
        }

        var visible = item.IsVisibleToPublic(now);
        if (list.CancellationNoticeUtc is not null)
        {
            if (visible && !item.Cancelled
                && !await db.Events.Where(e => e.TranslationGroupId == group && e.Cancelled).VisibleToPublic(now).AnyAsync(ct))
            {
                await db.EventRegistrationLists.Where(l => l.EventGroupId == group)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.CancellationNoticeUtc, (DateTime?)null), ct);
            }

            return;
        }

        if (!visible || !item.Cancelled || item.StartUtc <= now)
        {
            return;
        }

        var notices = await InListLockAsync(group, async _ =>
        {
            var locked = await db.EventRegistrationLists.FirstAsync(l => l.EventGroupId == group, ct);
            if (locked.CancellationNoticeUtc is not null)
            {
                return new List<RegistrationNotice>(); // told meanwhile, by another save
            }

            locked.CancellationNoticeUtc = now;
            await db.SaveChangesAsync(ct);
            var people = await db.EventRegistrations.AsNoTracking()
                .Where(r => r.EventGroupId == group && r.Status != RegistrationStatus.Cancelled && r.PersonalDataDeletedUtc == null)
                .OrderBy(r => r.Sequence)
                .ToListAsync(ct);
            return people.Select(r => new RegistrationNotice(EventMailKind.EventCancelled, r)).ToList();
        }, ct);
        await mails.SendAsync(notices, ct);
    }

    /// <summary>Promotes the first people waiting into the free places; only inside the list lock.</summary>
    private async Task<List<RegistrationNotice>> PromoteAsync(Guid group, CancellationToken ct)
    {
        var notices = new List<RegistrationNotice>();
        var now = Now;
        var started = !await db.Events.AnyAsync(e => e.TranslationGroupId == group && e.DeletedUtc == null && !e.Cancelled && e.StartUtc > now, ct);
        if (started)
        {
            return notices;
        }

        var free = await CapacityAsync(group, ct) - await CountAsync(group, RegistrationStatus.Confirmed, ct);
        if (free <= 0)
        {
            return notices;
        }

        var next = await db.EventRegistrations
            .Where(r => r.EventGroupId == group && r.Status == RegistrationStatus.Waiting && r.PersonalDataDeletedUtc == null)
            .OrderBy(r => r.Sequence).Take(free).ToListAsync(ct);
        foreach (var registration in next)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.StatusChangedUtc = now;
            // The mail says "the place is yours" and, like every confirmation, carries a private cancel link.
            notices.Add(new RegistrationNotice(EventMailKind.Promoted, registration, CancelToken: NewToken(registration)));
        }

        await db.SaveChangesAsync(ct);
        return notices;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that first takes the group's lock: an UPDATE of its list row,
    /// which SQLite (in a <c>BEGIN IMMEDIATE</c> transaction) and SQL Server (an exclusive row lock held to the commit)
    /// both hold until the end. The work gets the next sequence number of the list.
    /// </summary>
    private async Task<T> InListLockAsync<T>(Guid group, Func<int, Task<T>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await BeginImmediateAsync(ct);
                    var locked = await db.EventRegistrationLists.Where(l => l.EventGroupId == group)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastSequence, l => l.LastSequence + 1), ct);
                    if (locked == 0)
                    {
                        // The event's first registration makes its list row (and holds it until the commit).
                        db.EventRegistrationLists.Add(new EventRegistrationList { EventGroupId = group, LastSequence = 1 });
                        await db.SaveChangesAsync(ct);
                    }

                    var sequence = await db.EventRegistrationLists.Where(l => l.EventGroupId == group).Select(l => l.LastSequence).FirstAsync(ct);
                    var result = await work(sequence);
                    await transaction.CommitAsync(ct);
                    // The places left changed: the event's pages and the lists that show it are rendered again.
                    await cache.EvictAsync(
                        Localization.SiteCultures.All.SelectMany(c => new[] { Caching.CacheTags.List("events", c), Caching.CacheTags.Home(c) })
                            .Append(Caching.CacheTags.Group(group)),
                        ct);
                    return result;
                });
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // SQL Server only: two first registrations both made the list row; the second tries again and finds it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginImmediateAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // BEGIN IMMEDIATE: the write lock is taken at the start, so two registrations never both read "one place left".
            await db.Database.OpenConnectionAsync(ct);
            var transaction = sqlite.BeginTransaction(deferred: false);
            return await db.Database.UseTransactionAsync(transaction, ct) ?? throw new InvalidOperationException("No transaction.");
        }

        return await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
    }

    private Task<int> CountAsync(Guid group, RegistrationStatus status, CancellationToken ct) =>
        db.EventRegistrations.CountAsync(r => r.EventGroupId == group && r.Status == status, ct);

    /// <summary>1 for the first person waiting; 0 when not waiting.</summary>
    private async Task<int> WaitingNumberAsync(EventRegistration registration, CancellationToken ct) =>
        registration.Status != RegistrationStatus.Waiting
            ? 0
            : await db.EventRegistrations.CountAsync(r => r.EventGroupId == registration.EventGroupId && r.Status == RegistrationStatus.Waiting && r.Sequence <= registration.Sequence, ct);

    private static string NewToken(EventRegistration registration)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        registration.CancelTokenHash = Hash(token);
        return token;
    }

    internal static string EmailKey(string email) => Hash(email.Trim().ToUpperInvariant());

    internal static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal enum ChangeOutcome
{
    Done,
    Unchanged,
    NotFound,
}
