using System.Text;
using Coalition.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Coalition.BrowserTests;

/// <summary>axe-core on the public pages and the admin area: no violation of impact serious or critical.</summary>
public sealed class AccessibilityTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
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
        "/account/login",
    };

    [SkippableTheory]
    [MemberData(nameof(PublicPages))]
    public async Task Public_page_has_no_serious_accessibility_violations(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);
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

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        var report = await ViolationsAsync(page);
        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    /// <summary>The serious and critical violations on the page, one paragraph per rule; empty when there are none.</summary>
    private async Task<string> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
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
}
