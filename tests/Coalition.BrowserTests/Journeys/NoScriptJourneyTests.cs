using System.Globalization;
using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Coalition.Web.Controllers;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>
/// The site works without JavaScript: many visitors block scripts, and the pages must not depend on them. Every public
/// form is submitted here as a plain HTML form post (antiforgery token included) and the page it leads to is checked:
/// sign-in, "forgot password" and the reset link from the e-mail, the invitation link, two-step sign-in with the
/// authenticator's code and with a recovery code.
/// </summary>
public sealed partial class NoScriptJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    /// <summary>The browser asks for Russian (<see cref="BrowserTest.DefaultLocale"/>), so the account pages and e-mails are in Russian.</summary>
    private const string Language = "ru";

    [SkippableFact]
    public async Task Visitor_without_JavaScript_reads_the_news_and_staff_can_sign_in()
    {
        var page = await NoScriptPageAsync();

        await page.GotoAsync("/ru/news");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        var cards = page.Locator(".card-title a");
        Assert.True(await cards.CountAsync() > 1, "the news list should show the demo articles");

        var first = cards.First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync(ArticleUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(page.Locator(".prose p").First).ToBeVisibleAsync();

        // A plain HTML form post, antiforgery token included, and the redirect to the dashboard.
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/admin/news/create']").First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Without_JavaScript_staff_reset_a_forgotten_password_from_the_emailed_link_and_sign_in_with_the_new_one()
    {
        // An Editor account of this test's own (PortalFixture): the other tests keep signing in with their password.
        const string email = PortalFixture.ResetEditorEmail;
        const string newPassword = "amber meadow violin seventeen";
        var page = await NoScriptPageAsync();

        // From the sign-in page's link to the "forgot password" form.
        await page.GotoAsync("/account/login");
        await page.Locator("main a[href='/account/forgot-password']").ClickAsync();
        await page.WaitForURLAsync("**/account/forgot-password");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Forgot your password?"));
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("main form button[type=submit]").ClickAsync();

        // The neutral answer, the same for any address, on the sign-in page.
        await page.WaitForURLAsync("**/account/login");
        await Expect(page.Locator("main .notice")).ToHaveTextAsync(T(PasswordResetController.SentMessage));
        await Expect(page.Locator("main form[action='/account/login'] #Email")).ToBeVisibleAsync();

        // The e-mail, written after the response from the portal's queue, holds a link to this portal.
        var link = PickupMail.LinkTo(await PickupMail.NewestToAsync(Portal.MailFolder, email), "/account/reset-password");
        Assert.Equal(Portal.BaseUrl.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Choose a new password"));
        await page.Locator("#NewPassword").FillAsync(newPassword);
        await page.Locator("#ConfirmPassword").FillAsync(newPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/account/login");
        await Expect(page.Locator("main .notice")).ToHaveTextAsync(T("Your password has been changed. Sign in with the new password."));

        // The link worked once.
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("This link does not work"));

        // The old password is refused, the new one opens the dashboard.
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(PortalFixture.ResetEditorPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main .form-errors li")).ToHaveTextAsync(T(AccountController.SignInFailedMessage));
        await SignInAsync(page, email, newPassword);
        await Expect(page.Locator("a[href='/admin/news/create']").First).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Without_JavaScript_an_invited_editor_chooses_a_password_sets_up_two_step_sign_in_and_signs_in_with_it()
    {
        var email = $"invited-{Guid.NewGuid().ToString("N")[..8]}@browser-tests.example.org";
        const string password = "pebble orchard trumpet ninety";
        await Portal.InviteEditorAsync(email, "Invited Editor", Language);
        var link = PickupMail.LinkTo(await PickupMail.NewestToAsync(Portal.MailFolder, email), "/account/invitation");
        var page = await NoScriptPageAsync();

        // The link from the e-mail: the address is shown, the invitee chooses a password.
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Welcome to the Coalition portal"));
        await Expect(page.Locator("#invited-email")).ToHaveValueAsync(email);
        await page.Locator("#NewPassword").FillAsync(password);
        await page.Locator("#ConfirmPassword").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();

        // Signed in at once and led to the authenticator set-up; for an Editor it is not required in this fixture.
        await page.WaitForURLAsync("**/account/two-factor/enable");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Set up two-step sign-in"));
        await Expect(page.Locator("main .notice")).ToHaveCountAsync(0);
        var authenticator = new Authenticator(await page.Locator("#authenticator-key").InnerTextAsync());
        await page.Locator("#Code").FillAsync(authenticator.NextCode());
        await page.Locator("main form[action='/account/two-factor/enable'] button[type=submit]").ClickAsync();

        // The recovery codes, shown once, then the dashboard.
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Recovery codes"));
        var codes = await page.Locator("main .recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        await page.Locator("main a[href='/admin']").ClickAsync();
        await page.WaitForURLAsync(AdminDashboardUrl());
        await Expect(page.Locator("a[href='/admin/news/create']").First).ToBeVisibleAsync();

        // Signing in again takes the password and a code from the app...
        await SignOutAsync(page);
        await SignInUntilSecondStepAsync(page, email, password);
        await page.Locator("#Code").FillAsync(authenticator.NextCode());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(AdminDashboardUrl());

        // ...or, without the phone, a recovery code, which is then used up.
        await SignOutAsync(page);
        await SignInUntilSecondStepAsync(page, email, password);
        await page.Locator("main a[href^='/account/login/recovery']").ClickAsync();
        await page.WaitForURLAsync("**/account/login/recovery");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Sign in with a recovery code"));
        await page.Locator("#RecoveryCode").FillAsync(codes[0]);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(AdminDashboardUrl());
        await page.GotoAsync("/account");
        await Expect(page.Locator("main")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, T("Recovery codes left: {0}."), codes.Count - 1));

        // The invitation link worked once.
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("This link does not work"));
    }

    private Task<IPage> NoScriptPageAsync() => NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

    private string T(string key) => Portal.Text(key, Language);

    /// <summary>The sign-out button in the admin header: a form post, back to the public site.</summary>
    private static async Task SignOutAsync(IPage page)
    {
        await page.Locator("header form[action='/account/logout'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/admin", StringComparison.Ordinal));
    }

    /// <summary>The password step of signing in, for an account with two-step sign-in: it leads to the code form.</summary>
    private async Task SignInUntilSecondStepAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login/two-factor");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(T("Two-step sign-in"));
    }

    [GeneratedRegex(@"/ru/news/[a-z0-9-]+$")]
    private static partial Regex ArticleUrl();
}
