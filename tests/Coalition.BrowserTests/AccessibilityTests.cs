using System.Text;
using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests;

/// <summary>axe-core on the public pages and the admin area: no violation of impact serious or critical.</summary>
public sealed partial class AccessibilityTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    public static TheoryData<string> PublicPages => new()
    {
        "/ru/",
        "/ru/news",
        "/ru/about",
        "/ru/contacts",
        "/tg/",
        "/en/news",
        "/ru/search",
        "/ru/search?q=zzqqxx",
        "/account/login",
        "/account/forgot-password",
        "/ru/press",
        "/ru/press/contacts",
        "/ru/press/kit",
        "/ru/press/alerts",
        "/tg/press",
        "/en/press/kit",
    };

    [SkippableFact]
    public async Task Press_release_and_admin_press_pages_have_no_serious_accessibility_violations()
    {
        var page = await NewPageAsync();
        var report = new StringBuilder();
        await page.GotoAsync("/ru/press");
        await page.Locator(".press-list .card-title a").First.ClickAsync();
        await page.WaitForURLAsync("**/ru/press/*");
        report.Append(await ViolationsAsync(page));

        var editor = await NewPageAsync();
        await SignInAsync(editor, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        foreach (var path in new[] { "/admin/press-room", "/admin/press-room/contacts/new", "/admin/press", "/admin/press/create" })
        {
            await editor.GotoAsync(path);
            report.Append(await ViolationsAsync(editor));
        }

        // An embargoed release: its access-link page, a new link, and the page the journalist reads.
        await editor.GotoAsync("/admin/press-room");
        await editor.Locator("a", new() { HasText = Coalition.Web.Features.Press.PressDemoSeeder.EmbargoedTitleEn }).ClickAsync();
        report.Append(await ViolationsAsync(editor));
        await editor.Locator("#Form_Recipient").FillAsync("Accessibility desk");
        await editor.Locator("main form button[type=submit]").First.ClickAsync();
        report.Append(await ViolationsAsync(editor));
        var link = new Uri(await editor.Locator("input.share-url").InputValueAsync()).PathAndQuery;
        await page.GotoAsync(link);
        report.Append(await ViolationsAsync(page));

        // The edit form with the release's own fields.
        await editor.GotoAsync("/admin/press");
        await editor.Locator(".admin-table tbody a").First.ClickAsync();
        await editor.WaitForURLAsync("**/admin/press/*/edit");
        report.Append(await ViolationsAsync(editor));

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    [SkippableFact]
    public async Task Event_pages_and_the_registrations_page_have_no_serious_accessibility_violations()
    {
        Skip.IfNot(PortalFixture.ChromiumAvailable, PortalFixture.SkipReason);
        var (id, slug) = await Portal.CreateEventAsync("Семинар для проверки доступности " + Guid.NewGuid().ToString("N")[..6], capacity: 2, taken: 1);
        var report = new StringBuilder();

        // The refused registration answers 400, on purpose: the guard lets it through and the test checks it.
        var context = await NewContextAsync(allowHttpErrors: true);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/ru/events", $"/ru/events/{slug}", "/ru/events/past", "/ru/events/registration/privacy", "/tg/events", "/en/events" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            report.Append(await ViolationsAsync(page));
        }

        // The form sent empty: the messages at the top and at each field.
        await page.GotoAsync($"/ru/events/{slug}");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.Locator("form[action$='/register'] button[type=submit]").ClickAsync(),
            r => r.Url.EndsWith("/register", StringComparison.Ordinal));
        Assert.Equal(400, refused.Status);
        await Expect(page.Locator("form .form-errors")).ToBeVisibleAsync();
        report.Append(await ViolationsAsync(page));

        // Staff with the ViewRegistrations permission: the overview and the event's lists.
        var staff = await NewPageAsync();
        await SignInAsync(staff, PortalFixture.RegistrationsEmail, PortalFixture.RegistrationsPassword);
        foreach (var path in new[] { "/admin/registrations", $"/admin/registrations/{id}" })
        {
            await staff.GotoAsync(path);
            await Expect(staff.Locator("main h1")).ToBeVisibleAsync();
            report.Append(await ViolationsAsync(staff));
        }

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    [SkippableTheory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_has_no_serious_accessibility_violations(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task Search_page_with_results_has_no_serious_accessibility_violations()
    {
        var page = await NewPageAsync();
        await Journeys.SearchJourney.WaitForResultsAsync(page, "/ru/search?q=" + Uri.EscapeDataString("пытки"));
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task Article_has_no_serious_accessibility_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/ru/news");
        await page.Locator(".card-title a").First.ClickAsync();
        await page.WaitForURLAsync("**/ru/news/*");
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task Admin_pages_have_no_serious_accessibility_violations()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        var report = new StringBuilder();
        report.Append(await ViolationsAsync(page));

        await page.GotoAsync("/admin/news");
        report.Append(await ViolationsAsync(page));

        await page.GotoAsync("/admin/news/create");
        report.Append(await ViolationsAsync(page));

        // The edit form of an existing article also has the translation and publishing panels.
        await page.GotoAsync("/admin/news");
        await page.Locator(".admin-table tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/admin/news/*/edit");
        report.Append(await ViolationsAsync(page));

        // The media library, and the details of a demo cover from its list.
        await page.GotoAsync("/admin/media");
        report.Append(await ViolationsAsync(page));
        await page.Locator(".media-tile a", new() { HasText = "demo-cover-" }).First.ClickAsync();
        await page.WaitForURLAsync(MediaDetailsUrl());
        await Expect(page.Locator("main h1")).ToContainTextAsync("demo-cover-");
        report.Append(await ViolationsAsync(page));

        // The Editor's own account page.
        await page.GotoAsync("/account");
        report.Append(await ViolationsAsync(page));

        // Last: the first visit makes the authenticator key, which changes the account's security stamp.
        // The QR code is an image that people who cannot see it need described.
        await page.GotoAsync("/account/two-factor/enable");
        var qr = page.Locator("main img.qr-code");
        await Expect(qr).ToHaveAttributeAsync("alt", Portal.Text("QR code for the authenticator app. If you cannot scan it, type the key shown below.", "ru"));
        report.Append(await ViolationsAsync(page));

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    [SkippableFact]
    public async Task Not_found_page_has_no_serious_accessibility_violations()
    {
        const string path = "/ru/no-such-page";
        // The guard lets HTTP errors pass in this context: the 404 of the page is expected, and checked here,
        // and any other error status (a stylesheet, an image) still fails the test.
        var page = await (await NewContextAsync(allowHttpErrors: true)).NewPageAsync();
        var otherErrors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && new Uri(response.Url).AbsolutePath != path)
            {
                otherErrors.Add($"HTTP {response.Status} for {response.Url}");
            }
        };

        var document = await page.GotoAsync(path);
        Assert.Equal(404, document?.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(Portal.Text("Page not found", "ru"));
        await AssertAccessibleAsync(page);
        Assert.Empty(otherErrors);
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        var report = await ViolationsAsync(page);
        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    /// <summary>The serious and critical violations on the page, one paragraph per rule; empty when there are none.</summary>
    private async Task<string> ViolationsAsync(IPage page)
    {
        var result = await AxeRunner.RunAsync(page);
        var all = result.Violations ?? [];
        var failing = all.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Output.WriteLine($"axe on {PathOf(page)}: {all.Length} violations, {failing.Count} serious or critical; {result.Passes?.Length ?? 0} rules passed.");
        foreach (var minor in all.Except(failing))
        {
            Output.WriteLine($"  (not failing) {minor.Id} [{minor.Impact}] {minor.Help}");
        }

        var text = new StringBuilder();
        foreach (var violation in failing)
        {
            text.AppendLine($"{PathOf(page)}: {violation.Id} [{violation.Impact}] {violation.Help}");
            text.AppendLine($"  {violation.HelpUrl}");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine($"  - {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine("    " + message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"/admin/media/\d+$")]
    private static partial Regex MediaDetailsUrl();
}
