using System.Globalization;
using System.Text.Json;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.LegalAid;

/// <summary>Whom a request concerns.</summary>
public static class Concerns
{
    public const string Myself = "myself";
    public const string Relative = "relative";
    public const string Client = "client";

    public static readonly IReadOnlyList<string> All = [Myself, Relative, Client];
}

/// <summary>Regions of Tajikistan as the form offers them.</summary>
public static class Regions
{
    public static readonly IReadOnlyList<string> All = ["dushanbe", "sughd", "khatlon", "gbao", "rrp", "abroad", "unsaid"];
}

/// <summary>Everything a person typed: sealed as one JSON document, never stored in a column of its own.</summary>
public sealed record LegalAidContent(string Contact, string Region, string Concerns, string WhatHappened, bool Urgent, bool Consent);

/// <summary>Receives requests from the public form: sealed in memory, only ciphertext stored, the Group told without content.</summary>
public sealed class LegalAidRequests(
    CoalitionDbContext db,
    LegalAidKeys keys,
    TimeProvider clock,
    MailQueue mail,
    IOptions<LegalAidOptions> options,
    IOptions<MailOptions> mailOptions,
    Infrastructure.PublicUrls urls,
    IStringLocalizer<SharedResource> t)
{
    /// <summary>Whether the form can take requests: only once the Group has a key.</summary>
    public async Task<bool> AvailableAsync(CancellationToken ct = default) => await keys.CurrentAsync(ct) is not null;

    /// <summary>Seals and stores a request; false (and nothing stored) while no key is set up.</summary>
    public async Task<bool> SubmitAsync(LegalAidContent content)
    {
        if (await keys.CurrentAsync() is not { } key)
        {
            return false;
        }

        var id = Guid.NewGuid();
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(content);
        SealedData sealedData;
        try
        {
            sealedData = LegalAidCrypto.Seal(plaintext, key.PublicKey, LegalAidCrypto.Context("request", id));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(plaintext);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.LegalAidRequests.Add(new LegalAidRequest
        {
            Id = id,
            KeyId = key.Id,
            WrappedKey = sealedData.WrappedKey,
            Ciphertext = sealedData.Ciphertext,
            ReceivedUtc = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc),
            Status = LegalAidStatus.New,
        });
        await db.SaveChangesAsync();
        Notify();
        return true;
    }

    public static LegalAidContent? Read(byte[]? plaintext) =>
        plaintext is null ? null : JsonSerializer.Deserialize<LegalAidContent>(plaintext);

    private void Notify()
    {
        if (options.Value.NotificationEmail is not { Length: > 0 } to)
        {
            return;
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = SiteCultures.ToCultureInfo(options.Value.NotificationLanguage);
        try
        {
            var o = mailOptions.Value;
            var message = new MimeMessage { Subject = t["A new request for legal aid"] };
            message.From.Add(new MailboxAddress(o.FromName, o.From));
            message.To.Add(MailboxAddress.Parse(to));
            message.Headers.Add("Auto-Submitted", "auto-generated");
            var lines = new List<string> { t["A new request has arrived in the Legal Aid inbox."] };
            lines.Add(t["Sign in and unlock the inbox to read it:"]);
            lines.Add(urls.Absolute("/admin/legal-aid"));

            lines.Add(t["This message never contains the request itself."]);
            message.Body = new TextPart("plain") { Text = string.Join("\n\n", lines) + "\n" };
            mail.Enqueue(message);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
