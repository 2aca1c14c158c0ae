using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>The history of every content item: one revision per save, never changed afterwards.</summary>
public sealed class RevisionStore(CoalitionDbContext db, CurrentStaff current, TimeProvider clock)
{
    /// <summary>Adds the next revision of an item to the caller's unit of work.</summary>
    public async Task<ContentRevision> AddAsync(string contentType, int itemId, WorkingCopy copy, string kind, int? restoredFrom = null)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var definition = ContentTypes.ByName(contentType) ?? throw new ArgumentException($"Unknown content type {contentType}.", nameof(contentType));
        var last = await db.Revisions.Where(r => r.ContentType == contentType && r.ItemId == itemId)
            .MaxAsync(r => (int?)r.Number) ?? 0;
        var actor = current.Actor;
        var revision = new ContentRevision
        {
            ContentType = contentType,
            ItemId = itemId,
            Number = last + 1,
            Title = copy.Title,
            Slug = copy.Slug,
            Summary = copy.Summary,
            BodyMarkdown = copy.Body,
            FieldsJson = definition.Serialize(copy.Fields),
            MediaRefs = definition.MediaRefs(copy.Fields),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            UserId = actor?.Id,
            UserName = actor?.Name,
            Kind = kind,
            RestoredFrom = restoredFrom,
        };
        db.Revisions.Add(revision);
        return revision;
    }

    /// <summary>What the editor works on: the pending changes of a published item, or the item itself.</summary>
    public async Task<WorkingCopy> WorkingCopyAsync(ContentItem item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.PendingRevisionId is { } pending && await FindByIdAsync(pending, ct) is { } r)
        {
            return CopyOf(r);
        }

        return LiveCopy(item);
    }

    /// <summary>What the public sees of an item (its live columns), whatever changes are pending.</summary>
    public static WorkingCopy LiveCopy(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var definition = ContentTypes.For(item.GetType());
        return new WorkingCopy(item.Title, item.Slug, item.Summary, item.BodyMarkdown, definition.ReadFields(item));
    }

    /// <summary>The text and fields a revision stored.</summary>
    public static WorkingCopy CopyOf(ContentRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var definition = ContentTypes.ByName(revision.ContentType) ?? throw new InvalidOperationException($"Unknown content type {revision.ContentType}.");
        return new WorkingCopy(revision.Title, revision.Slug, revision.Summary, revision.BodyMarkdown, definition.Deserialize(revision.FieldsJson));
    }

    public async Task<IReadOnlyList<ContentRevision>> ListAsync(string contentType, int itemId, CancellationToken ct = default) =>
        await db.Revisions.AsNoTracking()
            .Where(r => r.ContentType == contentType && r.ItemId == itemId)
            .OrderByDescending(r => r.Number)
            .ToListAsync(ct);

    public Task<ContentRevision?> FindAsync(string contentType, int itemId, int number, CancellationToken ct = default) =>
        db.Revisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ContentType == contentType && r.ItemId == itemId && r.Number == number, ct);

    public Task<ContentRevision?> FindByIdAsync(int id, CancellationToken ct = default) =>
        db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public Task DeleteAllAsync(string contentType, int itemId) =>
        db.Revisions.Where(r => r.ContentType == contentType && r.ItemId == itemId).ExecuteDeleteAsync();
}
