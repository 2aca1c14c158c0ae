using System.Net;
using Coalition.Web.Controllers;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed class SignInTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_WithTheSameMessage()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var browser = app.CreateBrowser("en");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(AccountController.SignInFailedMessage, await FailedMessageAsync(browser, staff.Email, "not the password at all"));
        }

        // Now even the right password is refused, with the same words as a wrong one.
        Assert.Equal(AccountController.SignInFailedMessage, await FailedMessageAsync(browser, staff.Email, staff.Password));
        var lockedUntil = await app.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(14), $"locked until {lockedUntil}");
        Assert.True(await app.QueryDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LockedOut && e.UserId == staff.Id)));
    }

    [Fact]
    public async Task UnknownAddress_WrongPassword_DisabledAndInvitedAccounts_GetTheSameAnswer()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        var disabled = await app.CreateStaffAsync(Roles.Editor);
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using (var adminBrowser = await app.SignedInClientAsync(admin))
        using (var disable = await adminBrowser.SubmitFormAsync($"/admin/accounts/{disabled.Id}", $"/admin/accounts/{disabled.Id}/disable", []))
        {
            Assert.Equal($"/admin/accounts/{disabled.Id}", disable.RedirectPath());
        }

        var invited = $"invited-{Guid.NewGuid():N}@example.org";
        await app.QueryAsync(sp => sp.GetRequiredService<Invitations>().InviteAsync(invited, "Invited", Roles.Editor, "en"));

        using var browser = app.CreateBrowser("en");
        var unknown = await FailedMessageAsync(browser, $"nobody-{Guid.NewGuid():N}@example.org", staff.Password);
        var wrong = await FailedMessageAsync(browser, staff.Email, "not the password at all");
        var off = await FailedMessageAsync(browser, disabled.Email, disabled.Password);
        var pending = await FailedMessageAsync(browser, invited, "any password at all");
        Assert.Equal(AccountController.SignInFailedMessage, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, off);
        Assert.Equal(unknown, pending);
    }

    [Fact]
    public async Task NoPublicRegistration()
    {
        using var browser = app.CreateBrowser("en");
        foreach (var path in new[] { "/Identity/Account/Register", "/register", "/account/register" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task<string> FailedMessageAsync(HttpClient browser, string email, string password)
    {
        using var response = await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        return page.QuerySelector(".form-errors li")!.TextContent;
    }
}

/// <summary>With <c>Security:RequireTwoFactorForAllStaff=false</c>, as integration tests of other features run.</summary>
[Collection(TwoFactorRequiredCollection.Name)]
public sealed class RelaxedTwoFactorTests(CoalitionAppFactory app) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Editor_WithoutTwoFactor_Works_Administrator_WithoutTwoFactor_MustEnrol()
    {
        using var editor = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Editor, twoFactor: false));
        using (var page = await editor.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var admin = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Administrator, twoFactor: false));
        foreach (var path in new[] { "/admin", "/admin/accounts", "/admin/audit" })
        {
            using var page = await admin.GetAsync(path);
            Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, page.RedirectPath());
        }

        using var enrolled = await app.SignedInClientAsync(await app.CreateStaffAsync(Roles.Administrator, twoFactor: true));
        using var accounts = await enrolled.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/admin")]
    [InlineData("//evil.example/admin")]
    [InlineData("/\\evil.example/admin")]
    [InlineData("http:evil.example")]
    public async Task ReturnUrlToAnotherHost_IsIgnored(string returnUrl)
    {
        var staff = await app.CreateStaffAsync(Roles.Editor, twoFactor: false);
        using var browser = app.CreateBrowser("en");
        var page = await browser.GetDocumentAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("", page.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value") ?? "");

        using var response = await browser.SubmitFormAsync(page, "/account/login", new()
        {
            ["Email"] = staff.Email, ["Password"] = staff.Password, ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LocalReturnUrl_IsFollowed_ThroughTheTwoFactorStep()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor, twoFactor: true);
        using var browser = app.CreateBrowser("en");
        using var password = await browser.SubmitFormAsync("/account/login?returnUrl=%2Fadmin%2Fnews", "/account/login", new()
        {
            ["Email"] = staff.Email, ["Password"] = staff.Password,
        });
        Assert.Equal("/account/login/two-factor?returnUrl=%2Fadmin%2Fnews", password.Headers.Location!.OriginalString);

        using var code = await browser.SubmitFormAsync(password.Headers.Location.OriginalString, "/account/login/two-factor", new() { ["Code"] = app.NextCode(staff.AuthenticatorKey!) });
        Assert.Equal("/admin/news", code.Headers.Location!.OriginalString);

        // The same guard on the second step: a foreign returnUrl posted with the code is dropped.
        using var other = app.CreateBrowser("en");
        using (await other.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password }))
        {
        }

        using var evil = await other.SubmitFormAsync("/account/login/two-factor", "/account/login/two-factor", new()
        {
            ["Code"] = app.NextCode(staff.AuthenticatorKey!), ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.Equal("/admin", evil.Headers.Location!.OriginalString);
    }
}
