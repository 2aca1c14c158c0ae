using System.Net;
using System.Text.RegularExpressions;
using Coalition.Web.Controllers;
using Coalition.Web.Features.Accounts;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Accounts;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed partial class PasswordResetTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task ForgotPassword_AnswersTheSameForKnownAndUnknownAddresses()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        var answers = new List<string>();
        foreach (var email in new[] { unknown, staff.Email })
        {
            using var browser = app.CreateBrowser("en");
            using var response = await browser.SubmitFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = email });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.RedirectPath());
            var page = await browser.GetDocumentAsync("/account/login");
            answers.Add(page.QuerySelector(".notice")!.TextContent);
        }

        Assert.Equal(PasswordResetController.SentMessage, answers[0]);
        Assert.Equal(answers[0], answers[1]);
        await app.WaitForMailAsync(staff.Email);
        Assert.Equal(0, app.MailCountTo(unknown));
    }

    [Fact]
    public async Task ResetLink_SetsANewPasswordOnce_AndEndsEverySession()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using var session = await app.SignedInClientAsync(staff);

        using (var browser = app.CreateBrowser("ru-RU"))
        using (await browser.SubmitFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = staff.Email }))
        {
        }

        var message = await app.WaitForMailAsync(staff.Email);
        Assert.Contains("Сброс пароля", message.Subject, StringComparison.Ordinal);
        var link = Link(message.TextBody);

        using var owner = app.CreateBrowser("en");
        using (var tooShort = await owner.SubmitFormAsync(link, "/account/reset-password", new() { ["NewPassword"] = "short words", ["ConfirmPassword"] = "short words" }))
        {
            Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        const string newPassword = "marble kettle sunrise";
        using (var reset = await owner.SubmitFormAsync(link, "/account/reset-password", new() { ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword }))
        {
            Assert.Equal("/account/login", reset.RedirectPath());
        }

        Assert.Equal("This link does not work", (await owner.GetDocumentAsync(link)).QuerySelector("h1")!.TextContent);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using (var old = await session.GetAsync("/admin"))
        {
            Assert.Equal("/account/login", old.RedirectPath());
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync(staff));
        using var signedIn = await app.SignedInClientAsync(staff with { Password = newPassword });
    }

    [Fact]
    public async Task ResetLink_ExpiresAfterAnHour()
    {
        var staff = await app.CreateStaffAsync(Roles.Editor);
        using (var browser = app.CreateBrowser("en"))
        using (await browser.SubmitFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = staff.Email }))
        {
        }

        var link = Link((await app.WaitForMailAsync(staff.Email)).TextBody);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        using var late = app.CreateBrowser("en");
        Assert.Equal("This link does not work", (await late.GetDocumentAsync(link)).QuerySelector("h1")!.TextContent);
    }

    private static string Link(string? body)
    {
        var match = LinkPattern().Match(body ?? "");
        Assert.True(match.Success, "The e-mail has no link:\n" + body);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"http://localhost(/account/reset-password\?\S+)")]
    private static partial Regex LinkPattern();
}
