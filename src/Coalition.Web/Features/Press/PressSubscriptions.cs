using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Mail;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Press;

/// <summary>
/// E-mail alerts for new press releases, one language per subscription, with double opt-in. Every answer to the
/// public is the same whatever the address (invalid, new, pending or confirmed), so the form does not reveal who is
/// subscribed. Addresses are never logged.
/// </summary>
public sealed class PressSubscriptions(
    CoalitionDbContext db,
    MailQueue queue,
    PressMails mails,
    IDataProtectionProvider protection,
    AuditLog audit,
    IOptions<PressOptions> options,
    TimeProvider clock)
{
    private static readonly EmailAddressAttribute EmailCheck = new();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IDataProtector Unsubscribe => protection.CreateProtector("Coalition.Press.Unsubscribe");

    /// <summary>Asks for alerts in <paramref name="culture"/>; sends a confirmation mail to a new or still unconfirmed address, nothing otherwise.</summary>
    public async Task SubscribeAsync(string? email, string culture, CancellationToken ct = default)
    {
        var address = Normalize(email);
        if (address is null || !SiteCultures.IsSupported(culture))
        {
            return;
        }

        var subscriber = await db.Set<PressSubscriber>().FirstOrDefaultAsync(s => s.Email == address && s.Culture == culture, ct);
        if (subscriber is { ConfirmedUtc: not null })
        {
            return;
        }

        if (subscriber is null)
        {
            subscriber = new PressSubscriber { Email = address, Culture = culture, CreatedUtc = Now, UnsubscribeStamp = NewToken() };
            db.Set<PressSubscriber>().Add(subscriber);
        }

        var token = NewToken();
        subscriber.ConfirmTokenHash = PressAccessLinks.Hash(token);
        subscriber.ConfirmExpiresUtc = Now.AddHours(options.Value.ConfirmationHours);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return; // the same address twice at once: the other request sends the mail
        }

        queue.Enqueue(mails.Confirmation(subscriber, token, UnsubscribeToken(subscriber)));
    }

    /// <summary>Confirms the subscription a confirmation token names; false when the token is unknown or expired.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var hash = PressAccessLinks.Hash(token);
        var subscriber = await db.Set<PressSubscriber>().FirstOrDefaultAsync(s => s.ConfirmTokenHash == hash && s.ConfirmExpiresUtc > Now, ct);
        if (subscriber is null)
        {
            return false;
        }

        subscriber.ConfirmedUtc = Now;
        subscriber.ConfirmTokenHash = null;
        subscriber.ConfirmExpiresUtc = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The token of the unsubscribe link in every mail to this subscriber: signed, not stored.</summary>
    public string UnsubscribeToken(PressSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Unsubscribe.Protect(subscriber.Id.ToString(CultureInfo.InvariantCulture) + "|" + subscriber.UnsubscribeStamp);
    }

    /// <summary>Deletes the subscription an unsubscribe token names; false when there is none (already gone, or a forged token).</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        string text;
        try
        {
            text = Unsubscribe.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !int.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        var stamp = text[(bar + 1)..];
        return await db.Set<PressSubscriber>().Where(s => s.Id == id && s.UnsubscribeStamp == stamp).ExecuteDeleteAsync(ct) > 0;
    }

    public async Task<PagedList<PressSubscriber>> ListAsync(string? culture, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Set<PressSubscriber>().AsNoTracking();
        if (culture is not null && SiteCultures.IsSupported(culture))
        {
            query = query.Where(s => s.Culture == culture);
        }

        var total = await query.CountAsync(ct);
        var pageCount = PagedList<PressSubscriber>.PagesFor(total, pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderBy(s => s.Culture).ThenBy(s => s.Email).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<PressSubscriber>(items, page, pageCount, total);
    }

    /// <summary>Staff remove a subscription (on request by e-mail, for example). The audit entry names no address.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        var subscriber = await db.Set<PressSubscriber>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return false;
        }

        db.Set<PressSubscriber>().Remove(subscriber);
        audit.Add(PressAuditActions.SubscriberDelete, nameof(PressSubscriber), id.ToString(CultureInfo.InvariantCulture), subscriber.Culture);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A trimmed lower-case address, or null when it is not one.</summary>
    public static string? Normalize(string? email)
    {
        var address = email?.Trim().ToLowerInvariant();
        return address is { Length: > 3 and <= 254 } && EmailCheck.IsValid(address) && address.IndexOfAny(['\r', '\n', '<', '>', ',', ';', ' ']) < 0
            && MimeKit.MailboxAddress.TryParse(address, out _)
            ? address
            : null;
    }

    private static string NewToken() => PressAccessLinks.Base64Url(RandomNumberGenerator.GetBytes(32));
}
