using System.Net;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Infrastructure;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

/// <summary>
/// A session cookie stops working when the account's security stamp changes, at the next check: at most
/// <see cref="IdentityExtensions.StampValidationInterval"/> (one minute) later. The app's clock is moved instead of waiting.
/// </summary>
[Collection(TwoFactorRequiredCollection.Name)]
public sealed class SessionTests(TwoFactorRequiredAppFactory app)
{
    private static readonly TimeSpan JustPastTheInterval = IdentityExtensions.StampValidationInterval + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task SignOutEverywhere_ACopiedCookie_IsRefusedAfterTheStampInterval()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var owner = await app.SignedInClientAsync(staff);
        using var thief = owner.CopyCookiesTo(app.CreateBrowser("en"));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/admin")).StatusCode);

        using (var everywhere = await owner.SubmitFormAsync("/account", "/account/sign-out-everywhere", []))
        {
            Assert.Equal("/account/login", everywhere.RedirectPath());
        }

        // The owner's own browser is signed out at once.
        using (var own = await owner.GetAsync("/admin"))
        {
            Assert.Equal("/account/login", own.RedirectPath());
        }

        app.Clock.Advance(JustPastTheInterval);
        using var replay = await thief.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/account/login", replay.RedirectPath());
    }

    [Fact]
    public async Task SignOut_ACookieCopiedBefore_IsRefusedAfterTheStampInterval()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var owner = await app.SignedInClientAsync(staff);
        using var thief = owner.CopyCookiesTo(app.CreateBrowser("en"));

        using (var signOut = await owner.SubmitFormAsync("/admin", "/account/logout", []))
        {
            Assert.Equal("/", signOut.Headers.Location!.OriginalString);
        }

        app.Clock.Advance(JustPastTheInterval);
        using var replay = await thief.GetAsync("/admin");
        Assert.Equal("/account/login", replay.RedirectPath());
    }

    [Fact]
    public async Task AdministratorSignsSomeoneOutEverywhere_OrDisablesThem_TheirSessionsEnd()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        var first = await app.CreateStaffAsync(Roles.Editor);
        var second = await app.CreateStaffAsync(Roles.Editor);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        using var firstSession = await app.SignedInClientAsync(first);
        using var secondSession = await app.SignedInClientAsync(second);

        using (await adminBrowser.SubmitFormAsync($"/admin/accounts/{first.Id}", $"/admin/accounts/{first.Id}/sign-out-everywhere", []))
        using (await adminBrowser.SubmitFormAsync($"/admin/accounts/{second.Id}", $"/admin/accounts/{second.Id}/disable", []))
        {
        }

        app.Clock.Advance(JustPastTheInterval);
        Assert.Equal("/account/login", (await firstSession.GetAsync("/admin")).RedirectPath());
        Assert.Equal("/account/login", (await secondSession.GetAsync("/admin")).RedirectPath());
        await app.SignedInClientAsync(first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync(second));
    }

    [Fact]
    public async Task RoleChange_EndsTheSessionsWithinTheStampInterval_TheNewRoleAppliesAtTheNextSignIn()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        var promoted = await app.CreateStaffAsync(Roles.Editor);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        using var session = await app.SignedInClientAsync(promoted);
        Assert.Equal("/account/access-denied", (await session.GetAsync("/admin/audit")).RedirectPath());

        using (await adminBrowser.SubmitFormAsync($"/admin/accounts/{promoted.Id}", $"/admin/accounts/{promoted.Id}/role", new() { ["role"] = Roles.Administrator }))
        {
        }

        app.Clock.Advance(JustPastTheInterval);
        Assert.Equal("/account/login", (await session.GetAsync("/admin/audit")).RedirectPath());
        using var again = await app.SignedInClientAsync(promoted);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Session_EndsAfterAnHourWithoutRequests_AndAfterTwelveHoursInAnyCase()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var idle = await app.SignedInClientAsync(staff);
        using var busy = await app.SignedInClientAsync(staff);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("/account/login", (await idle.GetAsync("/admin")).RedirectPath());

        // A request every 50 minutes keeps a session alive, but not past the absolute limit.
        using var fresh = await app.SignedInClientAsync(staff);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(50))
        {
            Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin")).StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(50));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal("/account/login", (await fresh.GetAsync("/admin")).RedirectPath());
    }

    [Fact]
    public async Task Cookies_AreHttpOnly_SameSiteStrict_AndSecureOnHttps()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor, twoFactor: false);
        foreach (var secure in new[] { false, true })
        {
            using var browser = secure ? app.CreateBrowser("en", https: true) : app.CreateBrowser("en");
            using var response = await browser.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
            var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coalition.auth=", StringComparison.Ordinal));
            Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(secure, auth.Contains("secure", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("expires", auth, StringComparison.OrdinalIgnoreCase);
        }
    }
}
