using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Coalition.Web.Features.Media;

/// <summary>
/// "This browser may see the files of item X for a while": a share-link preview grants it (and the press room's
/// embargo access links will), so the preview's images load for someone without an account while the same
/// addresses stay 404 for everyone else. The grant is a Data Protection–signed, time-limited cookie scoped to
/// <c>/media</c>, naming at most <see cref="MaxItems"/> items; a file is opened only if that item uses it.
/// Nothing about the visitor is stored on the server.
/// </summary>
public sealed class ItemMediaGrants(IDataProtectionProvider protection, MediaUsage usage, TimeProvider clock, PublicUrls urls) : IMediaAccessGrant
{
    public const string CookieName = "coalition.media";
    public const int MaxItems = 10;

    /// <summary>How long a grant lasts after the page that gave it was opened.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    // The expiry travels inside the signed text, on the app's TimeProvider (the time-limited protector reads the system clock).
    private IDataProtector Protector => protection.CreateProtector("Coalition.Media.ItemGrant");

    /// <summary>Lets this browser see the files that <paramref name="contentType"/> item <paramref name="itemId"/> uses, for <see cref="Lifetime"/>.</summary>
    public void Grant(HttpContext http, string contentType, int itemId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var entry = $"{contentType}:{itemId.ToString(CultureInfo.InvariantCulture)}";
        var items = Read(http).Where(e => e != entry).Prepend(entry).Take(MaxItems);
        var expires = clock.GetUtcNow() + Lifetime;
        var payload = expires.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + string.Join(';', items);
        http.Response.Cookies.Append(CookieName, Protector.Protect(payload), new CookieOptions
        {
            Path = "/media",
            HttpOnly = true,
            Secure = urls.IsHttps || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime, // relative: the signed expiry inside is what counts
            IsEssential = true,
        });
    }

    public async Task<bool> AllowsAsync(HttpContext http, MediaItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        foreach (var entry in Read(http))
        {
            var colon = entry.LastIndexOf(':');
            if (colon > 0 && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && await usage.IsUsedByAsync(item, entry[..colon], id, ct))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<string> Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 and < 4000 } value)
        {
            return [];
        }

        try
        {
            var text = Protector.Unprotect(value);
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks > clock.GetUtcNow().UtcTicks
                ? text[(bar + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries)
                : [];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return []; // forged, damaged or expired
        }
    }
}
