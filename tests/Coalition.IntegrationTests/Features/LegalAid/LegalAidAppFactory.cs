using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.LegalAid;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.LegalAid;

/// <summary>
/// The app with the Legal Aid settings the tests need: a cheap passphrase KDF (the count is stored per key, so this
/// changes nothing but speed), a notification address, a 10-minute unlock, and no request limit (tested on its own).
/// </summary>
public class LegalAidAppFactory : CoalitionAppFactory
{
    public const string Passphrase = "river lantern copper orchard";
    public const string NotificationAddress = "legal-aid-inbox@coalition.example";

    public LegalAidAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected LegalAidAppFactory(IReadOnlyDictionary<string, string?> settings)
        : base(new Dictionary<string, string?>
        {
            ["LegalAid:PassphraseIterations"] = "10000",
            ["LegalAid:NotificationEmail"] = NotificationAddress,
            ["LegalAid:UnlockMinutes"] = "10",
            ["RateLimits:LegalAidRequestPermitLimit"] = "10000",
        }.Concat(settings).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value))
    {
    }

    /// <summary>Sets up the Group's key with <paramref name="passphrase"/> unless one exists.</summary>
    public async Task EnsureKeyAsync(string passphrase = Passphrase)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LegalAidKeys>().CreateAsync(passphrase);
    }

    /// <summary>
    /// Fills in and sends the public form as a person would: opens it, takes longer than the minimum fill time, and
    /// submits it with <paramref name="changes"/> over sensible defaults.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitRequestAsync(Browser browser, string culture = "en", Dictionary<string, string>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.GetDocumentAsync($"/{culture}/legal-aid/request");
        Clock.Advance(TimeSpan.FromSeconds(30));
        var fields = new Dictionary<string, string>
        {
            ["Form.Contact"] = "Signal +992 00 000 0000, after 18:00",
            ["Form.Region"] = "sughd",
            ["Form.Concerns"] = Concerns.Relative,
            ["Form.WhatHappened"] = "My brother was beaten at the district police station.",
            ["Form.Consent"] = "true",
        };
        foreach (var (key, value) in changes ?? [])
        {
            fields[key] = value;
        }

        return await browser.SubmitFormAsync(page, $"/{culture}/legal-aid/request", fields);
    }

    /// <summary>A staff account in <paramref name="role"/> that also holds the Legal Aid permission, hence an authenticator.</summary>
    public async Task<StaffCredentials> CreateLegalAidMemberAsync(string role = Roles.Editor)
    {
        var staff = await CreateStaffAsync(role, twoFactor: true);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(staff.Id);
        await users.AddToRoleAsync(user!, Roles.LegalAid);
        return staff;
    }

    /// <summary>A Legal Aid member's browser with the inbox unlocked.</summary>
    public async Task<Browser> UnlockedMemberAsync(string passphrase = Passphrase)
    {
        var browser = await SignedInClientAsync(await CreateLegalAidMemberAsync());
        using var response = await browser.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = passphrase });
        Assert.Equal("/admin/legal-aid", response.RedirectPath());
        return browser;
    }

    public Task<List<LegalAidRequest>> RequestsAsync() => QueryDbAsync(db => db.LegalAidRequests.AsNoTracking().ToListAsync());

    /// <summary>Every byte the database holds on disk: the file and its write-ahead log.</summary>
    public byte[] RawDatabaseBytes()
    {
        var bytes = new List<byte>();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                bytes.AddRange(memory.ToArray());
            }
        }

        return bytes.ToArray();
    }

    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0
        || haystack.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(text)) >= 0;

    public static void AssertRefused(HttpResponseMessage response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var path = response.RedirectPath();
        Assert.True(
            response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && path is "/account/login" or "/account/access-denied"),
            $"{what} answered {(int)response.StatusCode} {path}");
    }
}
