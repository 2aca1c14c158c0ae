using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Unguessable, expiring, revocable read-only links to a draft. The token (256 random bits) is shown once to the
/// editor; only its SHA-256 hash is stored.
/// </summary>
public sealed class ShareLinkService(CoalitionDbContext db, AuditLog audit, CurrentStaff current, TimeProvider clock)
{
    public const int MaxDays = 30;

    public async Task<string> CreateAsync(string contentType, int itemId, int days)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = current.Actor;
        db.ShareLinks.Add(new ShareLink
        {
            TokenHash = Hash(token),
            ContentType = contentType,
            ItemId = itemId,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(days),
            CreatedById = actor?.Id,
            CreatedByName = actor?.Name,
        });
        audit.Add(AuditActions.ShareLinkCreate, contentType, itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{days} d");
        await db.SaveChangesAsync();
        return token;
    }

    public async Task<bool> RevokeAsync(string contentType, int itemId, int linkId)
    {
        var link = await db.ShareLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ContentType == contentType && l.ItemId == itemId);
        if (link is null || link.RevokedUtc is not null)
        {
            return false;
        }

        link.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ShareLinkRevoke, contentType, itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"link #{linkId}");
        await db.SaveChangesAsync();
        return true;
    }

    public async Task<IReadOnlyList<ShareLink>> ListAsync(string contentType, int itemId, CancellationToken ct = default) =>
        await db.ShareLinks.AsNoTracking()
            .Where(l => l.ContentType == contentType && l.ItemId == itemId)
            .OrderByDescending(l => l.CreatedUtc)
            .ToListAsync(ct);

    /// <summary>The link for a token, if it exists, is not revoked and has not expired.</summary>
    public async Task<ShareLink?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ShareLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.TokenHash == hash && l.RevokedUtc == null && l.ExpiresUtc > now, ct);
    }

    internal static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
