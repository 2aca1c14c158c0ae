using Coalition.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

public sealed class SignInTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    [SkippableFact]
    public async Task Failed_sign_in_shows_the_errors_and_keeps_the_form()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin");
        Assert.StartsWith("/account/login?returnUrl=", PathOf(page), StringComparison.Ordinal);

        // Nothing typed: the field errors, rendered by the server.
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await Expect(page.Locator("#Email ~ .field-error")).Not.ToBeEmptyAsync();

        // An address without an account: the same answer as a wrong password, and no way in.
        await page.Locator("#Email").FillAsync("nobody@browser-tests.example.org");
        await page.Locator("#Password").FillAsync("not the password of anyone");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login");
        await Expect(page.Locator(".form-errors li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#Email")).ToHaveValueAsync("nobody@browser-tests.example.org");
        await Expect(page.Locator("#Password")).ToHaveValueAsync("");
    }
}
