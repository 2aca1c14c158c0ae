using System.Net;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed class AccountManagementTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task Administrator_ChangesRole_Disables_Enables_Unlocks_ResetsTwoFactor_AllAudited()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        var person = await app.CreateStaffAsync(Roles.Editor);
        using var browser = await app.SignedInClientAsync(admin);
        var page = $"/admin/accounts/{person.Id}";

        var list = await browser.GetDocumentAsync("/admin/accounts");
        Assert.NotNull(list.QuerySelector($"a[href='{page}']"));

        await PostAsync(browser, page, "role", new() { ["role"] = Roles.Administrator });
        await PostAsync(browser, page, "disable", []);
        Assert.NotNull(await UserAsync(person.Id, u => u.DisabledUtc));
        await PostAsync(browser, page, "enable", []);
        Assert.Null(await UserAsync(person.Id, u => u.DisabledUtc));

        await app.QueryAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(person.Id))!, app.Clock.GetUtcNow().AddMinutes(15));
        });
        Assert.Contains("Locked", (await browser.GetDocumentAsync(page)).QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        await PostAsync(browser, page, "unlock", []);
        Assert.Null(await UserAsync(person.Id, u => u.LockoutEnd));

        await PostAsync(browser, page, "reset-two-factor", []);
        Assert.False(await UserAsync(person.Id, u => u.TwoFactorEnabled));
        await PostAsync(browser, page, "sign-out-everywhere", []);

        var actions = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityId == person.Id).Select(e => e.Action).ToListAsync());
        foreach (var expected in new[] { AuditActions.RoleChange, AuditActions.Disable, AuditActions.Enable, AuditActions.Unlock, AuditActions.TwoFactorReset, AuditActions.SessionsRevoke })
        {
            Assert.Contains(expected, actions);
        }

        // After the reset the person signs in with the password and must enrol again (now an Administrator).
        using var again = app.CreateBrowser("en");
        using (await again.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = person.Email, ["Password"] = person.Password }))
        {
        }

        Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, (await again.GetAsync("/admin")).RedirectPath());
    }

    [Fact]
    public async Task Administrator_CannotDisableOrDemoteThemselves()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using var browser = await app.SignedInClientAsync(admin);
        var page = $"/admin/accounts/{admin.Id}";

        await PostAsync(browser, page, "disable", []);
        await PostAsync(browser, page, "role", new() { ["role"] = Roles.Editor });
        Assert.Contains("You cannot do this to your own account.", (await browser.GetDocumentAsync("/admin/accounts")).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await UserAsync(admin.Id, u => u.DisabledUtc));
        Assert.True(await app.QueryAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(admin.Id))!, Roles.Administrator);
        }));
    }

    [Fact]
    public async Task Staff_ChangeTheirPassword_CommonPasswordsRefusedInTheirLanguage()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var browser = await app.SignedInClientAsync(staff, "ru-RU");
        using var other = await app.SignedInClientAsync(staff);

        using (var common = await browser.SubmitFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = staff.Password, ["NewPassword"] = "passwordpassword", ["ConfirmPassword"] = "passwordpassword",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, common.StatusCode);
            Assert.Contains("Этот пароль есть в списке паролей, которые злоумышленники пробуют первыми.", await common.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var changed = await browser.SubmitFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = staff.Password, ["NewPassword"] = "quiet meadow compass", ["ConfirmPassword"] = "quiet meadow compass",
        }))
        {
            Assert.Equal("/account", changed.RedirectPath());
        }

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);
        Assert.Equal("/account/login", (await other.GetAsync("/admin")).RedirectPath());
        Assert.True(await app.QueryDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordChange && e.EntityId == staff.Id)));
    }

    [Fact]
    public async Task Staff_SetUpANewPhone_NeedsThePassword_ThenEnrolsAgain()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var browser = await app.SignedInClientAsync(staff);

        using (var wrong = await browser.SubmitFormAsync("/account/two-factor/reset", "/account/two-factor/reset", new() { ["CurrentPassword"] = "not my password" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        Assert.True(await UserAsync(staff.Id, u => u.TwoFactorEnabled));
        using (var reset = await browser.SubmitFormAsync("/account/two-factor/reset", "/account/two-factor/reset", new() { ["CurrentPassword"] = staff.Password }))
        {
            Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, reset.RedirectPath());
        }

        Assert.False(await UserAsync(staff.Id, u => u.TwoFactorEnabled));
        Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, (await browser.GetAsync("/admin")).RedirectPath());
    }

    [Fact]
    public async Task Staff_MakeNewRecoveryCodes_WithTheirPassword_TheOldOnesStopWorking()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var browser = await app.SignedInClientAsync(staff);
        Assert.Contains("Recovery codes left: 10.", (await browser.GetDocumentAsync("/account")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using (var refused = await browser.SubmitFormAsync("/account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", new() { ["CurrentPassword"] = "not my password" }))
        {
            Assert.Empty((await refused.ParseAsync()).QuerySelectorAll("ol.recovery-codes code"));
        }

        using var made = await browser.SubmitFormAsync("/account/two-factor/recovery-codes", "/account/two-factor/recovery-codes", new() { ["CurrentPassword"] = staff.Password });
        var codes = (await made.ParseAsync()).QuerySelectorAll("ol.recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(staff.RecoveryCodes));
        Assert.True(await app.QueryDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.RecoveryCodesRegenerate && e.EntityId == staff.Id)));
    }

    private static async Task PostAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        using var response = await browser.SubmitFormAsync(page, $"{page}/{action}", fields);
        Assert.True(response.RedirectPath() == page, $"{action} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    private Task<T> UserAsync<T>(string id, System.Linq.Expressions.Expression<Func<StaffUser, T>> property) =>
        app.QueryDbAsync(db => db.Users.Where(u => u.Id == id).Select(property).SingleAsync());
}
