using System.Text;
using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>
/// The Legal Aid pages in a real browser: "Leave this page" with and without JavaScript (Esc three times too), and axe
/// on the page, the request form and the inbox. The neutral site is answered in the browser by the test.
/// </summary>
public sealed class LegalAidJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    [SkippableFact]
    public async Task QuickExit_WithJavaScript_LeavesForTheNeutralSite_AndBackDoesNotReturn()
    {
        var page = await NeutralSiteContextPageAsync(javaScript: true);
        await page.GotoAsync("/ru/news");
        await page.GotoAsync("/ru/legal-aid");
        await Expect(page.Locator("[data-quick-exit-hint]")).ToBeVisibleAsync();

        await page.Locator("a[data-quick-exit]").ClickAsync();
        await page.WaitForURLAsync(PortalFixture.QuickExitUrl.ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Weather");

        // The legal-aid entry was replaced: Back leads to the page before it.
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/ru/news");
        Assert.DoesNotContain("legal-aid", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task QuickExit_EscapeThreeTimes_OnTheForm_LeavesTheSameWay()
    {
        var page = await NeutralSiteContextPageAsync(javaScript: true);
        await page.GotoAsync("/en/news");
        await page.GotoAsync("/en/legal-aid/request");
        await page.Locator("textarea[name='Form.WhatHappened']").FillAsync("half-written text");

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        Assert.EndsWith("/en/legal-aid/request", page.Url, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForURLAsync(PortalFixture.QuickExitUrl.ToString());

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/en/news");
    }

    [SkippableFact]
    public async Task QuickExit_WithoutJavaScript_IsAPlainLinkToTheNeutralSite()
    {
        var page = await NeutralSiteContextPageAsync(javaScript: false);
        await page.GotoAsync("/tg/legal-aid");
        await Expect(page.Locator("[data-quick-exit-hint]")).ToBeHiddenAsync();
        await Expect(page.Locator("a[data-quick-exit]")).ToHaveTextAsync(Portal.Text("Leave this page", "tg"));

        await page.Locator("a[data-quick-exit]").ClickAsync();
        await page.WaitForURLAsync(PortalFixture.QuickExitUrl.ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Weather");
    }

    [SkippableFact]
    public async Task LegalAidPage_Form_AndInbox_HaveNoSeriousAccessibilityViolations()
    {
        var page = await NewPageAsync();
        var report = new StringBuilder();
        foreach (var path in new[] { "/ru/legal-aid", "/tg/legal-aid/request", "/en/legal-aid/request" })
        {
            await page.GotoAsync(path);
            report.Append(await ViolationsAsync(page));
        }

        // The form with its error messages, as a person sees it after sending it empty.
        await page.GotoAsync("/ru/legal-aid/request");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".form-errors")).ToBeVisibleAsync();
        report.Append(await ViolationsAsync(page));

        // The inbox: locked, then unlocked with the list and one request.
        // Holders of the permission sign in with their authenticator, like Administrators.
        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(PortalFixture.LegalAidEmail);
        await page.Locator("#Password").FillAsync(PortalFixture.LegalAidPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/login/two-factor");
        await page.Locator("#Code").FillAsync(new Authenticator(Portal.LegalAidAuthenticatorKey).NextCode());
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/admin");
        await page.GotoAsync("/admin/legal-aid");
        await Expect(page.Locator("form[action='/admin/legal-aid/unlock']")).ToBeVisibleAsync();
        report.Append(await ViolationsAsync(page));

        await page.Locator("#Passphrase").FillAsync(PortalFixture.LegalAidPassphrase);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".admin-table")).ToBeVisibleAsync();
        report.Append(await ViolationsAsync(page));

        await page.Locator(".admin-table tbody a").First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Брата задержали и избили в отделе.");
        report.Append(await ViolationsAsync(page));

        await page.GotoAsync("/admin/legal-aid/key");
        report.Append(await ViolationsAsync(page));

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    private async Task<IPage> NeutralSiteContextPageAsync(bool javaScript)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript }, alsoAllowed: [PortalFixture.QuickExitUrl]);
        await context.RouteAsync(PortalFixture.QuickExitUrl + "**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = "<!DOCTYPE html><html lang=\"en\"><title>Weather</title><h1>Weather</h1></html>",
        }));
        return await context.NewPageAsync();
    }

    private async Task<string> ViolationsAsync(IPage page)
    {
        var result = await AxeRunner.RunAsync(page);
        var failing = (result.Violations ?? []).Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Output.WriteLine($"axe on {PathOf(page)}: {result.Violations?.Length ?? 0} violations, {failing.Count} serious or critical.");
        var text = new StringBuilder();
        foreach (var violation in failing)
        {
            text.AppendLine($"{PathOf(page)}: {violation.Id} [{violation.Impact}] {violation.Help}");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine($"  - {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
