using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.LegalAid;

/// <summary>The current member's unlock: the session id in a cookie of the inbox's own path, the keys in <see cref="LegalAidVault"/>.</summary>
public sealed class LegalAidUnlock(IHttpContextAccessor http, LegalAidVault vault, IOptions<IdentityOptions> identity)
{
    public const string CookieName = "coalition.legalaid";
    public const string CookiePath = "/admin/legal-aid";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>The unlocked keys of this member's session, or null while the inbox is locked.</summary>
    public UnlockedKeyRing? Current => vault.Find(Context.Request.Cookies[CookieName], UserId, Stamp);

    public DateTimeOffset? ExpiresUtc => Current is null ? null : vault.ExpiresUtc(Context.Request.Cookies[CookieName]);

    public void Remember(UnlockedKeyRing ring)
    {
        vault.Discard(Context.Request.Cookies[CookieName]);
        var id = vault.Store(UserId ?? throw new InvalidOperationException("Not signed in."), Stamp, ring);
        Context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            Path = CookiePath,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Context.Request.IsHttps,
            IsEssential = true,
        });
    }

    public void Forget()
    {
        vault.Discard(Context.Request.Cookies[CookieName]);
        Context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
    }

    private string? UserId => Context.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private string? Stamp => Context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
}
