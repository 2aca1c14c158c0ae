using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Press;

/// <summary>What an access link opens: the release, and whether its embargo is still running.</summary>
public sealed record PressAccess(PressAccessLink Link, PressRelease Release, bool Embargoed);

/// <summary>
/// Early access to an embargoed release for named recipients. The token (256 random bits) is shown once to the
/// editor; only its SHA-256 hash is stored. Each opening is counted, with no IP address, cookie or user agent kept.
/// Creating and revoking are in the audit log under the recipient's label.
/// </summary>
public sealed class PressAccessLinks(CoalitionDbContext db, AuditLog audit, CurrentStaff current, TimeProvider clock)
{
    public const int MaxDays = 30;
    public const int LabelLength = 150;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new link for <paramref name="label"/>; returns the token, or null when the release does not exist.</summary>
    public async Task<string?> CreateAsync(int releaseId, string label, int days, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var release = await db.Set<PressRelease>().AsNoTracking().Where(r => r.Id == releaseId && r.DeletedUtc == null)
            .Select(r => new { r.Id, r.Title, r.Culture }).FirstOrDefaultAsync(ct);
        if (release is null)
        {
            return null;
        }

        days = Math.Clamp(days, 1, MaxDays);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var actor = current.Actor;
        label = label.Trim();
        label = label.Length > LabelLength ? label[..LabelLength] : label;
        db.Set<PressAccessLink>().Add(new PressAccessLink
        {
            TokenHash = Hash(token),
            PressReleaseId = releaseId,
            RecipientLabel = label,
            CreatedUtc = Now,
            ExpiresUtc = Now.AddDays(days),
            CreatedById = actor?.Id,
            CreatedByName = actor?.Name,
        });
        audit.Add(PressAuditActions.AccessLinkCreate, nameof(PressRelease), Id(releaseId), $"{label}: [{release.Culture}] {release.Title}, {days} d");
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> RevokeAsync(int releaseId, int linkId, CancellationToken ct = default)
    {
        var link = await db.Set<PressAccessLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.PressReleaseId == releaseId, ct);
        if (link is null || link.RevokedUtc is not null)
        {
            return false;
        }

        link.RevokedUtc = Now;
        audit.Add(PressAuditActions.AccessLinkRevoke, nameof(PressRelease), Id(releaseId), link.RecipientLabel);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<PressAccessLink>> ListAsync(int releaseId, CancellationToken ct = default) =>
        await db.Set<PressAccessLink>().AsNoTracking().Where(l => l.PressReleaseId == releaseId)
            .OrderByDescending(l => l.CreatedUtc).ThenByDescending(l => l.Id).ToListAsync(ct);

    /// <summary>
    /// The release a token opens, if the link exists, is not revoked, has not expired and its release is not in the
    /// trash. <paramref name="countOpening"/> adds one to the link's count (the page, not its files).
    /// </summary>
    public async Task<PressAccess?> ResolveAsync(string? token, bool countOpening, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = Now;
        var link = await db.Set<PressAccessLink>().AsNoTracking()
            .FirstOrDefaultAsync(l => l.TokenHash == hash && l.RevokedUtc == null && l.ExpiresUtc > now, ct);
        if (link is null)
        {
            return null;
        }

        var release = await db.Set<PressRelease>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == link.PressReleaseId && r.DeletedUtc == null && r.Status == PublicationStatus.Published, ct);
        if (release is null)
        {
            return null;
        }

        if (countOpening)
        {
            // One UPDATE, so that two readers at once both count.
            await db.Set<PressAccessLink>().Where(l => l.Id == link.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OpenCount, l => l.OpenCount + 1).SetProperty(l => l.LastOpenedUtc, now), ct);
        }

        return new PressAccess(link, release, release.PublishedUtc > now);
    }

    /// <summary>Whether any live link to the release exists (moving the embargo later warns then).</summary>
    public Task<bool> AnyActiveAsync(int releaseId, CancellationToken ct = default) =>
        db.Set<PressAccessLink>().AnyAsync(l => l.PressReleaseId == releaseId && l.RevokedUtc == null && l.ExpiresUtc > Now, ct);

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The press room's audited actions, as stored; never rename one.</summary>
public static class PressAuditActions
{
    public const string AccessLinkCreate = "press.access-link-create";
    public const string AccessLinkRevoke = "press.access-link-revoke";
    public const string ContactSave = "press.contact-save";
    public const string ContactDelete = "press.contact-delete";
    public const string KitChange = "press.kit-change";
    public const string SubscriberDelete = "press.subscriber-delete";
    public const string AlertsQueued = "press.alerts-queued";

    public static readonly IReadOnlyList<string> All =
        [AccessLinkCreate, AccessLinkRevoke, ContactSave, ContactDelete, KitChange, SubscriberDelete, AlertsQueued];
}
