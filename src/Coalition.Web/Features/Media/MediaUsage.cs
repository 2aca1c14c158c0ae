using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Media;

public enum MediaUseKind
{
    /// <summary>One of the item's own fields: a cover, an attachment, a campaign material.</summary>
    Field,
    Text,
}

/// <summary>One place that uses a media file, with the admin address to go and change it.</summary>
public sealed record MediaUse(string ContentType, int Id, string Culture, string Title, MediaUseKind Kind, string? EditPath, bool InTrash = false);

/// <summary>
/// Where a file is used: as a cover, or linked or embedded (<c>/media/{key}…</c>) in the text of any content type.
/// Every content definition is searched, through the <see cref="ContentItem.MediaRefs"/> its fields keep, so a new type is covered without changes here.
/// </summary>
public sealed class MediaUsage(CoalitionDbContext db)
{
    public async Task<IReadOnlyList<MediaUse>> FindAsync(MediaItem item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var uses = new List<MediaUse>();
        foreach (var type in Publishing.ContentTypes.All.Select(d => d.EntityType))
        {
            var method = typeof(MediaUsage).GetMethod(nameof(FindInAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type);
            uses.AddRange(await (Task<List<MediaUse>>)method.Invoke(this, [item, ct])!);
        }

        return uses.OrderBy(u => u.ContentType, StringComparer.Ordinal).ThenBy(u => u.Id).ThenBy(u => u.Kind).ToList();
    }

    /// <summary>Whether an item the public can see at <paramref name="nowUtc"/> uses the file in what the public sees
    /// (its published row: cover or text; a pending revision does not count until it is published).</summary>
    public async Task<bool> IsUsedPubliclyAsync(MediaItem item, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var type in Publishing.ContentTypes.All.Select(d => d.EntityType))
        {
            var method = typeof(MediaUsage).GetMethod(nameof(IsUsedPubliclyInAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type);
            if (await (Task<bool>)method.Invoke(this, [item, nowUtc, ct])!)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the item <paramref name="itemId"/> of <paramref name="contentType"/> (the CLR type's name) uses the file, drafts and pending changes included.</summary>
    public async Task<bool> IsUsedByAsync(MediaItem item, string contentType, int itemId, CancellationToken ct = default) =>
        (await FindAsync(item, ct)).Any(u => u.Id == itemId && string.Equals(u.ContentType, contentType, StringComparison.Ordinal));

    private Task<bool> IsUsedPubliclyInAsync<T>(MediaItem item, DateTime nowUtc, CancellationToken ct)
        where T : ContentItem
    {
        var link = MediaUrls.Prefix + item.StorageKey;
        var token = Publishing.ContentDefinition.MediaRefToken(item.Id);
        return Publishing.ContentVisibility.VisibleToPublic(db.Set<T>().AsNoTracking(), nowUtc)
            .AnyAsync(x => (x.MediaRefs != null && x.MediaRefs.Contains(token)) || x.BodyMarkdown.Contains(link), ct);
    }

    private async Task<List<MediaUse>> FindInAsync<T>(MediaItem item, CancellationToken ct)
        where T : ContentItem
    {
        var link = MediaUrls.Prefix + item.StorageKey;
        var adminPath = "/admin/" + Publishing.ContentTypes.For<T>().AdminSegment;
        var token = Publishing.ContentDefinition.MediaRefToken(item.Id);
        var items = db.Set<T>().AsNoTracking();
        // Saved-but-unpublished changes count too: they go live with the next "publish".
        var fields = await items.Where(x => (x.MediaRefs != null && x.MediaRefs.Contains(token))
                || (x.PendingRevision != null && x.PendingRevision.MediaRefs != null && x.PendingRevision.MediaRefs.Contains(token)))
            .Select(x => new { x.Id, x.Culture, x.Title, InTrash = x.DeletedUtc != null }).ToListAsync(ct);
        var texts = await items.Where(x => x.BodyMarkdown.Contains(link)
                || (x.PendingRevision != null && x.PendingRevision.BodyMarkdown.Contains(link)))
            .Select(x => new { x.Id, x.Culture, x.Title, InTrash = x.DeletedUtc != null }).ToListAsync(ct);

        var uses = new List<MediaUse>();
        uses.AddRange(fields.Select(r => new MediaUse(typeof(T).Name, r.Id, r.Culture, r.Title, MediaUseKind.Field, EditPath(r.Id, r.InTrash), r.InTrash)));
        uses.AddRange(texts.Select(r => new MediaUse(typeof(T).Name, r.Id, r.Culture, r.Title, MediaUseKind.Text, EditPath(r.Id, r.InTrash), r.InTrash)));
        return uses;

        // An item in the trash cannot be edited: the link leads to the trash, where it can be restored.
        string EditPath(int itemId, bool inTrash) => inTrash ? $"{adminPath}/trash" : $"{adminPath}/{itemId}/edit";
    }
}
