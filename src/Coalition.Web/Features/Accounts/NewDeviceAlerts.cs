using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Mail;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// New-device alerts (issue 19, item 14). Each browser gets a long-lived random cookie; its SHA-256 hash is listed
/// per account (<see cref="StaffDevice"/>). A completed sign-in from a browser the account has not used before (other
/// than its very first, where it was set up) sends
/// the person an e-mail, through the mail queue, with the time in Dushanbe and the browser family, and a
/// "this was not me" link that ends every session and makes the old password useless until a new one is chosen.
/// No IP address and no full user agent are kept.
/// </summary>
public sealed class NewDeviceAlerts(
    CoalitionDbContext db,
    UserManager<StaffUser> users,
    IDataProtectionProvider protection,
    MailQueue queue,
    IStringLocalizer<SharedResource> t,
    IOptions<Options.MailOptions> mail,
    PublicUrls urls,
    AuditLog audit,
    TimeProvider clock)
{
    public const string CookieBaseName = "coalition.device";

    /// <summary>How long the "this was not me" link in an alert works.</summary>
    public static readonly TimeSpan NotMeLinkLifetime = TimeSpan.FromDays(14);

    /// <summary>The device cookie lasts 400 days, the most browsers keep a cookie.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    public string CookieName => (urls.IsHttps ? "__Host-" : "") + CookieBaseName;

    private IDataProtector NotMeProtector => protection.CreateProtector("Coalition.Accounts.NotMe");

    /// <summary>After a completed sign-in: recognises the browser, or lists it and alerts the person.</summary>
    public async Task OnSignedInAsync(HttpContext http, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var token = http.Request.Cookies[CookieName];
        if (token is not { Length: 43 })
        {
            token = Base64Url(RandomNumberGenerator.GetBytes(32));
        }

        // Renewed at every sign-in, so a browser in use is never forgotten.
        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = urls.IsHttps || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = CookieLifetime,
            IsEssential = true,
        });

        var hash = Hash(token);
        var known = await db.StaffDevices.FirstOrDefaultAsync(d => d.UserId == user.Id && d.TokenHash == hash);
        if (known is not null)
        {
            known.LastSeenUtc = now.UtcDateTime;
            await db.SaveChangesAsync();
            return;
        }

        // The first browser an account ever uses is where it was set up: listed, no alert.
        var firstEver = !await db.StaffDevices.AnyAsync(d => d.UserId == user.Id);
        var browser = BrowserFamily(http.Request.Headers.UserAgent.ToString());
        db.StaffDevices.Add(new StaffDevice { UserId = user.Id, TokenHash = hash, BrowserFamily = browser, FirstSeenUtc = now.UtcDateTime, LastSeenUtc = now.UtcDateTime });
        await db.SaveChangesAsync();
        if (!firstEver && user.Email is not null)
        {
            queue.Enqueue(Alert(user, browser, now.UtcDateTime, NotMeLink(user.Id)));
        }
    }

    /// <summary>The account named by a valid, unexpired "this was not me" token, or null.</summary>
    public async Task<StaffUser?> FindAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = NotMeProtector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        return parts.Length == 2 && parts[0] == userId
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && expires > clock.GetUtcNow().UtcTicks
            ? await users.FindByIdAsync(userId)
            : null;
    }

    /// <summary>
    /// "This was not me": every session ends, the old password stops working (replaced by a random one nobody
    /// knows), and a password-reset token is returned so that the person chooses a new password at once.
    /// </summary>
    public async Task<string?> NotMeAsync(string? userId, string? token)
    {
        if (await FindAsync(userId, token) is not { } user || user.DisabledUtc is not null)
        {
            return null;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, Base64Url(RandomNumberGenerator.GetBytes(32)));
        await users.UpdateSecurityStampAsync(user);
        await db.StaffDevices.Where(d => d.UserId == user.Id).ExecuteDeleteAsync();
        await audit.RecordAsync(AuditActions.NotMe, nameof(StaffUser), user.Id, actor: new StaffActor(user.Id, user.Email));
        return await users.GeneratePasswordResetTokenAsync(user);
    }

    private Uri NotMeLink(string userId)
    {
        var expires = (clock.GetUtcNow() + NotMeLinkLifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        var token = NotMeProtector.Protect(userId + "|" + expires);
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "user", userId }, { "token", token } };
        return new Uri(urls.Absolute("/account/not-me" + query.ToQueryString()));
    }

    private MimeMessage Alert(StaffUser user, string browser, DateTime utc, Uri notMe)
    {
        var o = mail.Value;
        var local = DushanbeTime.ToLocal(utc);
        var message = new MimeMessage { Subject = t["New sign-in to your Coalition portal account"] };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? ""));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", SiteCultures.Current);
        message.Body = new TextPart("plain")
        {
            Text = string.Join("\n\n",
                t["Hello {0},", user.DisplayName],
                t["Your staff account was signed in from a browser it had not used before: {0}, on {1} at {2} (Dushanbe time).",
                    browser == "Other" ? t["an unrecognised browser"] : browser,
                    local.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
                    local.ToString("HH:mm", CultureInfo.InvariantCulture)],
                t["If this was you, there is nothing to do."],
                t["If this was not you, open this link: it signs your account out everywhere and asks you for a new password."],
                notMe.ToString()) + "\n",
        };
        return message;
    }

    /// <summary>The browser family only, from the User-Agent: order matters (Edge and Opera also say Chrome, Chrome also says Safari).</summary>
    internal static string BrowserFamily(string userAgent) =>
        userAgent.Contains("Edg/", StringComparison.Ordinal) ? "Edge"
        : userAgent.Contains("OPR/", StringComparison.Ordinal) ? "Opera"
        : userAgent.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox"
        : userAgent.Contains("Chrome/", StringComparison.Ordinal) || userAgent.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome"
        : userAgent.Contains("Safari/", StringComparison.Ordinal) ? "Safari"
        : "Other";

    internal static string Hash(string token) => Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
