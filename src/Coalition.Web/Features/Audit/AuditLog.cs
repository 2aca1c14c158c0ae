using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Audit;

/// <summary>
/// Writes audit entries. <see cref="Add"/> joins the caller's unit of work, so the entry is saved with the change
/// it describes, or not at all; <see cref="RecordAsync"/> saves at once (sign-in events).
/// </summary>
public sealed class AuditLog(CoalitionDbContext db, CurrentStaff current, TimeProvider clock)
{
    public void Add(string action, string? entityType = null, string? entityId = null, string? summary = null, StaffActor? actor = null)
    {
        var who = actor ?? current.Actor;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            UserId = who?.Id,
            UserName = who?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary is { Length: > 500 } ? summary[..500] : summary,
        });
    }

    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null, string? summary = null, StaffActor? actor = null)
    {
        Add(action, entityType, entityId, summary, actor);
        await db.SaveChangesAsync();
    }

    /// <summary>The types the filter offers: every content definition, and whatever else the log has recorded.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct = default)
    {
        var logged = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType != null)
            .Select(e => e.EntityType!).Distinct().ToListAsync(ct);
        return ContentTypes.All.Select(d => d.Name)
            .Concat(logged.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public async Task<AuditPage> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            q = q.Where(e => e.UserName == user || e.UserId == user);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            q = q.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            q = q.Where(e => e.EntityType == filter.EntityType);
        }

        if (filter.FromUtc is { } from)
        {
            q = q.Where(e => e.OccurredUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            q = q.Where(e => e.OccurredUtc < to);
        }

        var total = await q.CountAsync(ct);
        var pageCount = PagedList<AuditEntry>.PagesFor(total, pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await q.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(entries, page, pageCount, total);
    }
}

public sealed record AuditFilter(string? User, string? Action, string? EntityType, DateTime? FromUtc, DateTime? ToUtc);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageCount, int Total);
