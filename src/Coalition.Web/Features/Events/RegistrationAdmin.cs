using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Mail;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Events;

/// <summary>One event's list as staff see it.</summary>
public sealed record RegistrationList(Event Event, EventPlaces Places, IReadOnlyList<EventRegistration> Confirmed, IReadOnlyList<EventRegistration> Waiting, IReadOnlyList<EventRegistration> Cancelled);

/// <summary>An event in the registrations overview.</summary>
public sealed record RegistrationOverviewRow(int EventId, string Title, string Culture, DateTime StartUtc, bool Cancelled, EventPlaces Places);

/// <summary>
/// What staff with the <c>ViewRegistrations</c> permission do with registrations. Every view, change, message and
/// download is in the audit log by event and count, never by the names or addresses of the people.
/// </summary>
public sealed class RegistrationAdmin(CoalitionDbContext db, EventRegistrations registrations, EventMails mails, MailQueue queue, AuditLog audit, TimeProvider clock)
{
    public const string AuditType = nameof(Event);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every event (one line per translation group, in the staff member's language when it exists), newest first.</summary>
    public async Task<IReadOnlyList<RegistrationOverviewRow>> OverviewAsync(string culture, CancellationToken ct = default)
    {
        var events = await db.Events.AsNoTracking().Where(e => e.DeletedUtc == null).ToListAsync(ct);
        var groups = events.GroupBy(e => e.TranslationGroupId)
            .Select(g => g.OrderByDescending(e => e.Culture == culture).ThenBy(e => e.Id).First())
            .OrderByDescending(e => e.StartUtc).ToList();
        var counts = await registrations.CountsAsync(groups.Select(g => g.TranslationGroupId).ToList(), ct);
        var now = Now;
        var capacity = events.GroupBy(e => e.TranslationGroupId)
            .ToDictionary(g => g.Key, g => EventRegistrations.GroupCapacity(g, now));
        return groups.Select(e =>
        {
            counts.TryGetValue(e.TranslationGroupId, out var c);
            return new RegistrationOverviewRow(e.Id, e.Title, e.Culture, e.StartUtc, e.Cancelled, EventRegistrations.Places(e, capacity[e.TranslationGroupId], c.Confirmed, c.Waiting, now));
        }).ToList();
    }

    /// <summary>The lists of the event <paramref name="eventId"/> (any of its translations); recorded in the audit log.</summary>
    public async Task<RegistrationList?> ListAsync(int eventId, CancellationToken ct = default)
    {
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.DeletedUtc == null, ct);
        if (item is null)
        {
            return null;
        }

        var all = await db.EventRegistrations.AsNoTracking().Where(r => r.EventGroupId == item.TranslationGroupId)
            .OrderBy(r => r.Sequence).ToListAsync(ct);
        var places = await registrations.PlacesAsync(item, ct);
        await audit.RecordAsync(AuditActions.RegistrationsView, AuditType, Id(item), $"{all.Count} registrations viewed");
        return new RegistrationList(
            item,
            places,
            all.Where(r => r.Status == RegistrationStatus.Confirmed).ToList(),
            all.Where(r => r.Status == RegistrationStatus.Waiting).ToList(),
            all.Where(r => r.Status == RegistrationStatus.Cancelled).OrderByDescending(r => r.StatusChangedUtc).ToList());
    }

    /// <summary>The registration <paramref name="registrationId"/> if it belongs to event <paramref name="eventId"/>'s list.</summary>
    private async Task<bool> BelongsAsync(int eventId, int registrationId, CancellationToken ct) =>
        await db.Events.AsNoTracking().Where(e => e.Id == eventId && e.DeletedUtc == null)
            .Join(db.EventRegistrations, e => e.TranslationGroupId, r => r.EventGroupId, (e, r) => r.Id)
            .AnyAsync(id => id == registrationId, ct);

    public async Task<bool> MoveAsync(int eventId, int registrationId, RegistrationStatus to, CancellationToken ct = default)
    {
        if (!await BelongsAsync(eventId, registrationId, ct))
        {
            return false;
        }

        var tell = to switch
        {
            RegistrationStatus.Cancelled => EventMailKind.Cancelled,
            RegistrationStatus.Confirmed => EventMailKind.Promoted,
            _ => (EventMailKind?)null,
        };
        var outcome = await registrations.ChangeAsync(registrationId, to, tell, ct);
        if (outcome == ChangeOutcome.Done)
        {
            await audit.RecordAsync(AuditActions.RegistrationsChange, AuditType, eventId.ToString(CultureInfo.InvariantCulture), $"Registration {registrationId} moved to {to}");
        }

        return outcome != ChangeOutcome.NotFound;
    }

    public async Task<bool> SetAttendedAsync(int eventId, int registrationId, bool attended, CancellationToken ct = default)
    {
        if (!await BelongsAsync(eventId, registrationId, ct) || !await registrations.SetAttendedAsync(registrationId, attended, ct))
        {
            return false;
        }

        await audit.RecordAsync(AuditActions.RegistrationsChange, AuditType, eventId.ToString(CultureInfo.InvariantCulture), $"Registration {registrationId} {(attended ? "attended" : "did not attend")}");
        return true;
    }

    /// <returns>How many people were promoted from the waiting list; null: no such event.</returns>
    public async Task<int?> SetCapacityAsync(int eventId, int capacity, CancellationToken ct = default)
    {
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.DeletedUtc == null, ct);
        if (item is null)
        {
            return null;
        }

        var promoted = await registrations.SetCapacityAsync(item.TranslationGroupId, capacity, ct);
        await audit.RecordAsync(AuditActions.RegistrationsChange, AuditType, Id(item), $"Capacity set to {capacity}; {promoted} promoted from the waiting list");
        return promoted;
    }

    /// <summary>One message to each confirmed participant, through the queue. Returns how many were queued.</summary>
    public async Task<int?> WriteToConfirmedAsync(int eventId, string subject, string body, CancellationToken ct = default)
    {
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.DeletedUtc == null, ct);
        if (item is null)
        {
            return null;
        }

        var people = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventGroupId == item.TranslationGroupId && r.Status == RegistrationStatus.Confirmed && r.Email != null)
            .ToListAsync(ct);
        foreach (var person in people)
        {
            var inTheirLanguage = await registrations.EventOfAsync(item.TranslationGroupId, person.Culture, ct) ?? item;
            queue.Enqueue(mails.StaffMessage(person, inTheirLanguage, subject, body));
        }

        await audit.RecordAsync(AuditActions.RegistrationsWrite, AuditType, Id(item), $"Message sent to {people.Count} confirmed participants");
        return people.Count;
    }

    /// <summary>The CSV of every registration of the event, UTF-8 with a byte-order mark so that Excel reads Cyrillic.</summary>
    public async Task<(byte[] Content, string FileName)?> ExportAsync(int eventId, IStringLocalizer text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var item = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.DeletedUtc == null, ct);
        if (item is null)
        {
            return null;
        }

        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventGroupId == item.TranslationGroupId)
            .OrderBy(r => r.Status).ThenBy(r => r.Sequence).ToListAsync(ct);
        using var stream = new MemoryStream();
        // A byte-order mark, so that Excel reads Cyrillic; fields that a spreadsheet would run as formulas are escaped.
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(new[] { "Status", "Name", "E-mail", "Phone", "Organisation", "Role", "Language needs", "Accessibility needs", "Language", "Registered (Dushanbe time)", "Attended" }
                .Select(h => text[h].Value).ToArray());
            foreach (var r in rows)
            {
                csv.WriteRecord(
                [
                    text[r.Status.ToString()].Value,
                    r.Name ?? "",
                    r.Email ?? "",
                    r.Phone ?? "",
                    r.Organisation ?? "",
                    r.JobRole ?? "",
                    r.LanguageNeeds ?? "",
                    r.AccessibilityNeeds ?? "",
                    r.Culture,
                    DushanbeTime.ToLocal(r.CreatedUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    r.Attended ? text["Yes"].Value : text["No"].Value,
                ]);
            }

            await csv.FlushAsync(ct);
        }

        await audit.RecordAsync(AuditActions.RegistrationsExport, AuditType, Id(item), $"{rows.Count} registrations exported");
        return (stream.ToArray(), $"registrations-{item.Slug}.csv");
    }

    private static string Id(Event item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
