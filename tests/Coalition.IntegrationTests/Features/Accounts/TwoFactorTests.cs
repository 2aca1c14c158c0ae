using System.Net;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed class TwoFactorTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task Enrolment_QrCodeFromOurServer_ThenSignInNeedsTheAppCode()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor, twoFactor: false);
        using var browser = app.CreateBrowser("en");
        using (var login = await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password }))
        {
            Assert.Equal("/admin", login.RedirectPath());
        }

        // Without two-factor sign-in, every staff page leads to the enrolment page.
        foreach (var path in new[] { "/admin", "/admin/news", "/account", "/account/password" })
        {
            using var blocked = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, blocked.RedirectPath());
        }

        using var enrolPage = await browser.GetAsync(TwoFactorEnrolmentFilter.EnrolmentPath);
        Assert.Contains("img-src 'self' data:", enrolPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await enrolPage.ParseAsync();
        var qr = page.QuerySelector("img.qr-code")!;
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(qr.GetAttribute("alt")));
        var key = page.QuerySelector("#authenticator-key")!.TextContent;

        using var wrong = await browser.SubmitFormAsync(page, TwoFactorEnrolmentFilter.EnrolmentPath, new() { ["Code"] = "000000" == app.CodeNow(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Codes change every 30 seconds", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var enabled = await browser.SubmitFormAsync(TwoFactorEnrolmentFilter.EnrolmentPath, TwoFactorEnrolmentFilter.EnrolmentPath, new() { ["Code"] = app.NextCode(key) });
        var codes = (await enabled.ParseAsync()).QuerySelectorAll("ol.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", c));
        using (var admin = await browser.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        // The next sign-in asks for the code after the password.
        using var again = app.CreateBrowser("en");
        using var password = await again.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal("/account/login/two-factor", password.RedirectPath());
        using (var before = await again.GetAsync("/admin"))
        {
            Assert.Equal("/account/login", before.RedirectPath());
        }

        using var code = await again.SubmitFormAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = app.NextCode(key) });
        Assert.Equal("/admin", code.RedirectPath());
        using var after = await again.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task AuthenticatorCode_AcceptedOnce_RefusedTheSecondTime()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        var code = app.NextCode(staff.AuthenticatorKey!);

        using var first = await PasswordThenCodeAsync(staff, code);
        Assert.Equal("/admin", first.RedirectPath());

        // Identity's own provider would accept the same code again for as long as it is valid (up to 90 s).
        using var replay = await PasswordThenCodeAsync(staff, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("each code works only once", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticatorCode_OneStepEitherSide_IsAccepted_TwoStepsOld_IsRefused()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        app.NextCode(staff.AuthenticatorKey!);

        using var tooOld = await PasswordThenCodeAsync(staff, app.CodeNow(staff.AuthenticatorKey!, stepOffset: -2));
        Assert.Equal(HttpStatusCode.OK, tooOld.StatusCode);

        using var previous = await PasswordThenCodeAsync(staff, app.CodeNow(staff.AuthenticatorKey!, stepOffset: -1));
        Assert.Equal("/admin", previous.RedirectPath());

        // An earlier step than the last accepted one is refused too, even if it is still in the window.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var older = await PasswordThenCodeAsync(staff, app.CodeNow(staff.AuthenticatorKey!, stepOffset: -2));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);

        using var next = await PasswordThenCodeAsync(staff, app.CodeNow(staff.AuthenticatorKey!, stepOffset: 1));
        Assert.Equal("/admin", next.RedirectPath());
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce_AndOnlyItsHashIsStored()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);

        var stored = await app.QueryDbAsync(db => db.UserTokens.Where(t => t.UserId == staff.Id).Select(t => t.Value ?? "").ToListAsync());
        foreach (var code in staff.RecoveryCodes)
        {
            Assert.DoesNotContain(stored, v => v.Contains(code, StringComparison.OrdinalIgnoreCase)
                || v.Contains(code.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(stored, v => v.StartsWith("sha256:", StringComparison.Ordinal));

        var used = staff.RecoveryCodes[3];
        using var first = await PasswordThenRecoveryAsync(staff, used.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal("/admin", first.RedirectPath());

        using var again = await PasswordThenRecoveryAsync(staff, used);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The recovery code is not valid.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var left = await app.QueryAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(staff.Id))!);
        });
        Assert.Equal(9, left);
    }

    [Fact]
    public async Task WrongCodes_CountTowardsLockout()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var browser = app.CreateBrowser("en");
        using (await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password }))
        {
        }

        var wrong = app.CodeNow(staff.AuthenticatorKey!) == "123456" ? "654321" : "123456";
        for (var i = 0; i < 4; i++)
        {
            using var refused = await browser.SubmitFormAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = wrong });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var fifth = await browser.SubmitFormAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = wrong });
        Assert.Equal("/account/login", fifth.RedirectPath());
        var lockedUntil = await app.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);
    }

    private async Task<HttpResponseMessage> PasswordThenCodeAsync(StaffCredentials staff, string code)
    {
        using var browser = app.CreateBrowser("en");
        using var password = await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal("/account/login/two-factor", password.RedirectPath());
        return await browser.SubmitFormAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = code });
    }

    private async Task<HttpResponseMessage> PasswordThenRecoveryAsync(StaffCredentials staff, string code)
    {
        using var browser = app.CreateBrowser("en");
        using var password = await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal("/account/login/two-factor", password.RedirectPath());
        return await browser.SubmitFormAsync("/account/login/recovery", "/account/login/recovery", new() { ["RecoveryCode"] = code });
    }
}
