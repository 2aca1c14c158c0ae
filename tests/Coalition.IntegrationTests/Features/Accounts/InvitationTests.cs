using System.Net;
using System.Text.RegularExpressions;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed partial class InvitationTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task Invite_EmailsASingleUseLink_InviteeChoosesPasswordThenMustEnrol()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        var email = $"invitee-{Guid.NewGuid():N}@example.org";

        using (var invite = await adminBrowser.SubmitFormAsync("/admin/accounts/invite", "/admin/accounts/invite", new()
        {
            ["Email"] = email, ["DisplayName"] = "Гулноза", ["Role"] = Roles.Editor, ["Language"] = "tg",
        }))
        {
            Assert.Equal("/admin/accounts", invite.RedirectPath());
        }

        var message = await app.WaitForMailAsync(email);
        Assert.Contains("Эътилоф", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Салом, Гулноза!", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("72 соат", message.TextBody, StringComparison.Ordinal);
        var link = Link(message.TextBody);
        Assert.StartsWith("/account/invitation?user=", link, StringComparison.Ordinal);

        using var invitee = app.CreateBrowser("en");
        var page = await invitee.GetDocumentAsync(link);
        Assert.Contains(email, page.QuerySelector("#invited-email")!.GetAttribute("value"), StringComparison.Ordinal);

        using (var common = await invitee.SubmitFormAsync(page, "/account/invitation", new() { ["NewPassword"] = "qwerty123456", ["ConfirmPassword"] = "qwerty123456" }))
        {
            Assert.Equal(HttpStatusCode.OK, common.StatusCode);
            Assert.Contains(CommonPasswordValidator.CommonMessage, await common.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var accepted = await invitee.SubmitFormAsync(link, "/account/invitation", new() { ["NewPassword"] = "violet harbour tractor", ["ConfirmPassword"] = "violet harbour tractor" }))
        {
            Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, accepted.RedirectPath());
        }

        using (var admin2 = await invitee.GetAsync("/admin"))
        {
            Assert.Equal(TwoFactorEnrolmentFilter.EnrolmentPath, admin2.RedirectPath());
        }

        // The link is spent: opening it again, or posting the old token, does nothing.
        using var other = app.CreateBrowser("en");
        var reopened = await other.GetDocumentAsync(link);
        Assert.Equal("This link does not work", reopened.QuerySelector("h1")!.TextContent);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        using (var replay = await other.SubmitFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "violet harbour tractor" }))
        {
            Assert.Equal("/admin", replay.RedirectPath());
        }

        using var thief = app.CreateBrowser("en");
        var form = await thief.GetDocumentAsync("/account/forgot-password");
        var token = form.QuerySelector($"input[name={BrowserExtensions.AntiforgeryField}]")!.GetAttribute("value")!;
        using (var repost = await thief.PostWithoutTokenAsync("/account/invitation", new()
        {
            ["User"] = query["user"]!, ["Token"] = query["token"]!, ["NewPassword"] = "attacker chosen words", ["ConfirmPassword"] = "attacker chosen words",
            [BrowserExtensions.AntiforgeryField] = token,
        }))
        {
            Assert.Contains("This link does not work", await repost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var actions = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.Summary!.Contains(email) || e.UserName == email).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Invite, actions);
        Assert.Contains(AuditActions.InvitationAccept, actions);
    }

    [Fact]
    public async Task InvitationLink_ExpiresAfter72Hours()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        var email = $"late-{Guid.NewGuid():N}@example.org";
        using (await adminBrowser.SubmitFormAsync("/admin/accounts/invite", "/admin/accounts/invite", new()
        {
            ["Email"] = email, ["DisplayName"] = "Late", ["Role"] = Roles.Editor, ["Language"] = "en",
        }))
        {
        }

        var link = Link((await app.WaitForMailAsync(email)).TextBody);
        using var invitee = app.CreateBrowser("en");

        app.Clock.Advance(TimeSpan.FromHours(72) - TimeSpan.FromMinutes(1));
        Assert.Equal("Welcome to the Coalition portal", (await invitee.GetDocumentAsync(link)).QuerySelector("h1")!.TextContent);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await invitee.GetDocumentAsync(link);
        Assert.Equal("This link does not work", expired.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ResendingAnInvitation_MakesTheEarlierLinkStopWorking()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        using (await adminBrowser.SubmitFormAsync("/admin/accounts/invite", "/admin/accounts/invite", new()
        {
            ["Email"] = email, ["DisplayName"] = "Twice", ["Role"] = Roles.Administrator, ["Language"] = "ru",
        }))
        {
        }

        var firstMessage = await app.WaitForMailAsync(email);
        Assert.Contains("Здравствуйте", firstMessage.TextBody, StringComparison.Ordinal);
        var first = Link(firstMessage.TextBody);
        var id = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + first).Query)["user"].ToString();

        app.ClearMail();
        using (var resend = await adminBrowser.SubmitFormAsync($"/admin/accounts/{id}", $"/admin/accounts/{id}/resend-invitation", new() { ["language"] = "en" }))
        {
            Assert.Equal($"/admin/accounts/{id}", resend.RedirectPath());
        }

        var second = Link((await app.WaitForMailAsync(email)).TextBody);
        using var invitee = app.CreateBrowser("en");
        Assert.Equal("This link does not work", (await invitee.GetDocumentAsync(first)).QuerySelector("h1")!.TextContent);
        Assert.Equal("Welcome to the Coalition portal", (await invitee.GetDocumentAsync(second)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Invite_ExistingAddress_IsRefused()
    {
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        var editor = await app.CreateStaffAsync(Roles.Editor);
        using var adminBrowser = await app.SignedInClientAsync(admin);
        using var invite = await adminBrowser.SubmitFormAsync("/admin/accounts/invite", "/admin/accounts/invite", new()
        {
            ["Email"] = editor.Email, ["DisplayName"] = "Again", ["Role"] = Roles.Editor, ["Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Contains("already has an account", await invite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Link(string? body)
    {
        var match = LinkPattern().Match(body ?? "");
        Assert.True(match.Success, "The e-mail has no link:\n" + body);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"http://localhost(/account/(?:invitation|reset-password)\?\S+)")]
    private static partial Regex LinkPattern();
}
