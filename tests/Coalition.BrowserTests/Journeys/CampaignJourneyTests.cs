using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>
/// A phone visitor during a campaign: the banner leads to the campaign, a material downloads, a message of support is
/// left (with JavaScript and without); an editor approves it and it appears; axe on the campaign pages and the queue.
/// </summary>
public sealed partial class CampaignJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output), IAsyncLifetime
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static BrowserNewContextOptions Phone(bool javaScript) => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
        JavaScriptEnabled = javaScript,
        AcceptDownloads = true,
    };

    async Task IAsyncLifetime.InitializeAsync() => await Portal.OpenCampaignWindowAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (PortalFixture.ChromiumAvailable)
        {
            await Portal.CloseCampaignWindowAsync();
        }

        await DisposeAsync();
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Phone_visitor_follows_the_banner_downloads_a_material_and_leaves_a_message(bool javaScript)
    {
        var page = await NewPageAsync(Phone(javaScript));
        await page.GotoAsync("/ru/news");
        var banner = page.Locator(".campaign-banner a");
        await Expect(banner).ToBeVisibleAsync();
        await banner.ClickAsync();
        await page.WaitForURLAsync(CampaignUrl());

        var leaflet = page.Locator(".material-list a[download]").First;
        var download = await page.RunAndWaitForDownloadAsync(() => leaflet.TapAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 100, "the PDF has content");
        await Expect(page.Locator(".material-list a[href^='https://']")).ToHaveCountAsync(1);

        var text = $"Держитесь, мы с вами! {(javaScript ? "js" : "nojs")} {Guid.NewGuid():N}";
        await page.Locator("#FirstName").FillAsync("Мадина");
        await page.Locator("#Text").FillAsync(text);
        await page.Locator(".message-form button[type=submit]").ClickAsync();
        await Expect(page.Locator(".message-form .notice")).ToHaveTextAsync(Portal.Text("Thank you: your message will appear after moderation.", "ru"));
        await Expect(page.Locator(".message-list")).Not.ToContainTextAsync(text);

        // An editor approves it from the queue; the visitor then sees it on the campaign page.
        var editor = await NewPageAsync();
        await SignInAsync(editor, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await editor.GotoAsync("/admin/support-messages");
        var row = editor.Locator("tbody tr", new() { HasText = text });
        await row.Locator("button[formaction$='/approve']").ClickAsync();
        await Expect(editor.Locator("tbody tr", new() { HasText = text })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(page.Locator(".message-list .message-text", new() { HasText = text })).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Campaign_pages_and_the_moderation_queue_have_no_serious_accessibility_violations()
    {
        var page = await NewPageAsync();
        var report = new System.Text.StringBuilder();
        await page.GotoAsync("/ru/campaigns");
        report.Append(await ViolationsAsync(page));
        await page.Locator(".card-title a").First.ClickAsync();
        await page.WaitForURLAsync(CampaignUrl());
        report.Append(await ViolationsAsync(page));
        await page.GotoAsync("/ru/");
        report.Append(await ViolationsAsync(page)); // with the banner and the lead block

        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await page.GotoAsync("/admin/support-messages");
        await Expect(page.Locator("tbody tr").First).ToBeVisibleAsync();
        report.Append(await ViolationsAsync(page));
        await page.GotoAsync("/admin/campaigns");
        await page.Locator(".admin-table tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/admin/campaigns/*/edit");
        report.Append(await ViolationsAsync(page));
        await page.Locator("a[href^='/admin/campaign-tools/']").ClickAsync();
        report.Append(await ViolationsAsync(page));

        Assert.True(report.Length == 0, "Accessibility violations:" + Environment.NewLine + report);
    }

    private async Task<string> ViolationsAsync(IPage page)
    {
        var result = await AxeRunner.RunAsync(page);
        var failing = (result.Violations ?? []).Where(v => FailingImpacts.Contains(v.Impact)).ToList();
        Output.WriteLine($"axe on {PathOf(page)}: {result.Violations?.Length ?? 0} violations, {failing.Count} serious or critical.");
        var text = new System.Text.StringBuilder();
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

    [GeneratedRegex("/ru/campaigns/[^/?#]+")]
    private static partial Regex CampaignUrl();
}
