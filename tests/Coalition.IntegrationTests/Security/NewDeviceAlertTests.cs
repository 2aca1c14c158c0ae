using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 14: a sign-in from a browser the account has not used before e-mails the person (Dushanbe time,
/// browser family, a "this was not me" link that ends every session and asks for a new password). Devices are
/// recognised by a random cookie whose hash alone is stored; no IP address is kept.
/// </summary>
public sealed class NewDeviceAlertTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string Chrome = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    [Fact]
    public async Task SignIn_FromANewBrowser_SendsOneAlertWithDushanbeTimeAndBrowser()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var usual = Browser(Chrome);
        await SignInAsync(usual, staff); // the account's first browser: listed, no alert
        await SignOutAsync(usual);
        await SignInAsync(usual, staff); // the same browser again: recognised

        using var other = Browser(Firefox);
        await SignInAsync(other, staff);

        // The queue sends in order: had the first two sign-ins sent anything, it would have arrived first.
        var mail = await factory.WaitForMailAsync(staff.Email);
        Assert.Equal(1, factory.MailCountTo(staff.Email));
        Assert.Equal("New sign-in to your Coalition portal account", mail.Subject);
        var local = factory.Clock.GetUtcNow().UtcDateTime.AddHours(5);
        Assert.Contains("Firefox", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"at {local:HH:mm} (Dushanbe time)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/account/not-me?user=", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryDbAsync(db => db.StaffDevices.CountAsync(d => d.UserId == staff.Id)));
    }

    [Fact]
    public async Task DeviceCookie_IsRandomLongLivedHttpOnly_AndOnlyItsHashIsStored()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(NewDeviceAlerts.CookieBaseName + "=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0].Split('=', 2)[1];
        Assert.Equal(43, value.Length); // 256 random bits, base64url
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=34560000", cookie, StringComparison.OrdinalIgnoreCase);
        var stored = await factory.QueryDbAsync(db => db.StaffDevices.SingleAsync(d => d.UserId == staff.Id));
        Assert.NotEqual(value, stored.TokenHash);
        Assert.Equal(NewDeviceAlerts.Hash(value), stored.TokenHash);
        var columns = await factory.QueryDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(Coalition.Data.Entities.StaffDevice))!.GetProperties().Select(p => p.Name).ToList()));
        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.OrdinalIgnoreCase) || c.Contains("Agent", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task NotMe_FromTheAlert_EndsEverySessionAndRequiresANewPassword()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var owner = Browser(Chrome);
        await SignInAsync(owner, staff);
        using var intruder = Browser(Firefox);
        await SignInAsync(intruder, staff);
        var link = new Uri((await factory.WaitForMailAsync(staff.Email)).TextBody!.Split('\n').Single(l => l.Contains("/account/not-me?", StringComparison.Ordinal)).Trim());

        using var person = Browser(Chrome);
        var confirm = await person.GetDocumentAsync(link.PathAndQuery);
        Assert.Equal("This was not me", confirm.QuerySelector("h1")?.TextContent);
        using var done = await person.SubmitFormAsync(confirm, "/account/not-me");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith("/account/reset-password?user=", done.Headers.Location!.OriginalString, StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromSeconds(1)); // the next request, a moment later
        foreach (var session in new[] { owner, intruder })
        {
            using var next = await session.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.Equal("/account/login", next.RedirectPath());
        }

        using var again = Browser(Firefox);
        using var withOldPassword = await again.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.OK, withOldPassword.StatusCode); // the form again, with the sign-in failure

        // The reset page the person lands on works: a new password, and they can sign in with it.
        var reset = await person.GetDocumentAsync(done.Headers.Location!.OriginalString);
        using var chosen = await person.SubmitFormAsync(reset, "/account/reset-password", new() { ["NewPassword"] = "a fresh passphrase after intrusion", ["ConfirmPassword"] = "a fresh passphrase after intrusion" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        await SignInAsync(Browser(Chrome), staff with { Password = "a fresh passphrase after intrusion" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task NotMe_WithABadToken_ShowsTheInvalidLinkPageAndChangesNothing(string token)
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        var stamp = await factory.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.SecurityStamp).SingleAsync());
        using var client = Browser(Chrome);
        var page = await client.GetDocumentAsync("/account/forgot-password");
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var get = await client.GetAsync(new Uri($"/account/not-me?user={staff.Id}&token={Uri.EscapeDataString(token)}", UriKind.Relative));
        using var post = await client.PostWithoutTokenAsync("/account/not-me", new() { ["User"] = staff.Id, ["Token"] = token, ["__RequestVerificationToken"] = antiforgery });

        await HostileAssert.StatusAsync(HttpStatusCode.OK, get);
        await HostileAssert.StatusAsync(HttpStatusCode.OK, post);
        Assert.Equal(stamp, await factory.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.SecurityStamp).SingleAsync()));
    }

    private Browser Browser(string userAgent)
    {
        var client = factory.CreateBrowser("en");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private static async Task SignInAsync(HttpClient client, StaffCredentials staff)
    {
        using var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        using var response = await client.PostFormAsync("/account", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
