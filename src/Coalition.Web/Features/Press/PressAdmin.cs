using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Press;

/// <summary>What staff change in the press room besides releases: media contacts and the press kit.</summary>
public sealed class PressAdmin(CoalitionDbContext db, AuditLog audit, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache)
{
    public async Task<IReadOnlyList<MediaContact>> ContactsAsync(CancellationToken ct = default) =>
        await db.Set<MediaContact>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

    public Task<MediaContact?> ContactAsync(int id, CancellationToken ct = default) =>
        db.Set<MediaContact>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Creates (<paramref name="id"/> 0) or updates a contact; false when it does not exist.</summary>
    public async Task<bool> SaveContactAsync(int id, MediaContact values, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var contact = id == 0 ? new MediaContact() : await db.Set<MediaContact>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return false;
        }

        contact.Name = values.Name.Trim();
        contact.RoleRu = Clean(values.RoleRu);
        contact.RoleTg = Clean(values.RoleTg);
        contact.RoleEn = Clean(values.RoleEn);
        contact.NoteRu = Clean(values.NoteRu);
        contact.NoteTg = Clean(values.NoteTg);
        contact.NoteEn = Clean(values.NoteEn);
        contact.Email = Clean(values.Email);
        contact.Phone = Clean(values.Phone);
        contact.Languages = string.Join(',', values.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(SiteCultures.IsSupported).Distinct());
        contact.SortOrder = values.SortOrder;
        contact.Listed = values.Listed;
        if (id == 0)
        {
            db.Set<MediaContact>().Add(contact);
        }

        await db.SaveChangesAsync(ct);
        audit.Add(PressAuditActions.ContactSave, nameof(MediaContact), contact.Id.ToString(CultureInfo.InvariantCulture), contact.Name);
        await db.SaveChangesAsync(ct);
        await EvictAsync(ct);
        return true;
    }

    /// <summary>Deletes a contact that no release names; false otherwise.</summary>
    public async Task<bool> DeleteContactAsync(int id, CancellationToken ct = default)
    {
        var contact = await db.Set<MediaContact>().FirstOrDefaultAsync(c => c.Id == id, ct);
        var token = "|" + id.ToString(CultureInfo.InvariantCulture) + "|";
        if (contact is null || await db.Set<PressRelease>().AnyAsync(r => r.ContactIds != null && r.ContactIds.Contains(token), ct))
        {
            return false;
        }

        db.Set<MediaContact>().Remove(contact);
        audit.Add(PressAuditActions.ContactDelete, nameof(MediaContact), id.ToString(CultureInfo.InvariantCulture), contact.Name);
        await db.SaveChangesAsync(ct);
        await EvictAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<PressKitItem>> KitAsync(CancellationToken ct = default) =>
        await db.Set<PressKitItem>().AsNoTracking().Include(k => k.Media).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);

    /// <summary>Files that could go into the kit: the newest 200 documents and images of the library not in it yet.</summary>
    public async Task<IReadOnlyList<MediaItem>> KitCandidatesAsync(CancellationToken ct = default)
    {
        var inKit = db.Set<PressKitItem>().Select(k => k.MediaId);
        return await db.Media.AsNoTracking().Where(m => !inKit.Contains(m.Id))
            .OrderByDescending(m => m.CreatedUtc).Take(200).ToListAsync(ct);
    }

    /// <summary>Library files a release can attach: the newest 200 PDF/DOCX documents, or images, and the ones it has.</summary>
    public async Task<IReadOnlyList<MediaItem>> AttachableAsync(MediaKind kind, IReadOnlyCollection<int> current, CancellationToken ct = default)
    {
        var query = db.Media.AsNoTracking().Where(m => m.Kind == kind);
        if (kind == MediaKind.Document)
        {
            query = query.Where(m => m.Format == "pdf" || m.Format == "docx");
        }

        return await query.OrderByDescending(m => current.Contains(m.Id)).ThenByDescending(m => m.CreatedUtc).Take(200).ToListAsync(ct);
    }

    public async Task<bool> AddToKitAsync(int mediaId, string? captionRu, string? captionTg, string? captionEn, string? credit, CancellationToken ct = default)
    {
        if (!await db.Media.AnyAsync(m => m.Id == mediaId, ct) || await db.Set<PressKitItem>().AnyAsync(k => k.MediaId == mediaId, ct))
        {
            return false;
        }

        var order = await db.Set<PressKitItem>().Select(k => (int?)k.SortOrder).MaxAsync(ct) ?? 0;
        db.Set<PressKitItem>().Add(new PressKitItem
        {
            MediaId = mediaId,
            CaptionRu = Clean(captionRu),
            CaptionTg = Clean(captionTg),
            CaptionEn = Clean(captionEn),
            Credit = Clean(credit),
            SortOrder = order + 1,
        });
        audit.Add(PressAuditActions.KitChange, "Media", mediaId.ToString(CultureInfo.InvariantCulture), "+ kit");
        await db.SaveChangesAsync(ct);
        await EvictAsync(ct);
        return true;
    }

    public async Task<bool> RemoveFromKitAsync(int kitItemId, CancellationToken ct = default)
    {
        var item = await db.Set<PressKitItem>().FirstOrDefaultAsync(k => k.Id == kitItemId, ct);
        if (item is null)
        {
            return false;
        }

        db.Set<PressKitItem>().Remove(item);
        audit.Add(PressAuditActions.KitChange, "Media", item.MediaId.ToString(CultureInfo.InvariantCulture), "− kit");
        await db.SaveChangesAsync(ct);
        await EvictAsync(ct);
        return true;
    }

    /// <summary>Releases for the access-link page: those under embargo first, then the newest.</summary>
    public async Task<IReadOnlyList<PressRelease>> ReleasesAsync(DateTime nowUtc, CancellationToken ct = default) =>
        await db.Set<PressRelease>().AsNoTracking().Where(r => r.DeletedUtc == null)
            .OrderByDescending(r => r.Status == PublicationStatus.Published && r.PublishedUtc > nowUtc)
            .ThenByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id).Take(100).ToListAsync(ct);

    public Task<PressRelease?> ReleaseAsync(int id, CancellationToken ct = default) =>
        db.Set<PressRelease>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.DeletedUtc == null, ct);

    /// <summary>Contacts and the kit show on every press page: evict them all, in every language.</summary>
    private async Task EvictAsync(CancellationToken ct)
    {
        foreach (var culture in SiteCultures.All)
        {
            await cache.EvictByTagAsync(Caching.CacheTags.Dependent("press", culture), ct);
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
