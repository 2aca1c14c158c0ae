using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Coalition.Web.Features.Press;
using Coalition.Web.Features.Publishing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>The press room as journalists use it: on a phone, on deadline; and before an embargo, through an access link.</summary>
public sealed partial class PressJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
        AcceptDownloads = true,
        Locale = "en-GB",
    };

    [SkippableFact]
    public async Task Journalist_on_a_phone_finds_the_latest_release_downloads_its_PDF_and_can_call_a_contact()
    {
        var page = await NewPageAsync(Phone);
        await page.GotoAsync("/en/press");
        var latest = page.Locator(".press-list .card-title a").First;
        var title = (await latest.InnerTextAsync()).Trim();
        await latest.TapAsync();
        await page.WaitForURLAsync(ReleaseUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);

        var pdf = page.Locator(".files li", new() { HasText = "PDF" }).Locator("a[download]").First;
        var download = await page.RunAndWaitForDownloadAsync(() => pdf.TapAsync());
        var path = await download.PathAsync();
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path!)[..5]), StringComparison.Ordinal);

        var call = page.Locator(".contacts a[href^='tel:+992']").First;
        await Expect(call).ToBeVisibleAsync();
        Assert.Matches(TelUri(), await call.GetAttributeAsync("href") ?? "");
    }

    [SkippableFact]
    public async Task Embargoed_release_is_404_to_the_public_and_readable_through_an_access_link()
    {
        var slug = SlugGenerator.FromTitle(PressDemoSeeder.EmbargoedTitleEn);
        var visitor = await (await NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", AcceptDownloads = true }, allowHttpErrors: true)).NewPageAsync();
        var hidden = await visitor.GotoAsync($"/en/press/{slug}");
        Assert.Equal(404, hidden?.Status);
        await visitor.GotoAsync("/en/press");
        await Expect(visitor.Locator(".press-list")).Not.ToContainTextAsync(PressDemoSeeder.EmbargoedTitleEn);

        // The editor makes a link for one newsroom in the press room's admin page.
        var editor = await NewPageAsync();
        await SignInAsync(editor, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await editor.GotoAsync("/admin/press-room");
        await editor.Locator("a", new() { HasText = PressDemoSeeder.EmbargoedTitleEn }).ClickAsync();
        await editor.Locator("#Form_Recipient").FillAsync("Browser test newsroom");
        await editor.Locator("main form button[type=submit]").First.ClickAsync();
        var link = new Uri(await editor.Locator("input.share-url").InputValueAsync()).PathAndQuery;

        // The journalist, without an account, reads it marked as embargoed, and downloads its file.
        var response = await visitor.GotoAsync(link);
        Assert.Equal(200, response?.Status);
        await Expect(visitor.Locator(".embargo")).ToContainTextAsync("EMBARGOED UNTIL");
        await Expect(visitor.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex, nofollow");
        Assert.Equal("no-store", (await response!.AllHeadersAsync())["cache-control"]);
        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.Locator(".files a[download]").First.ClickAsync());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes((await download.PathAsync())!)[..5]), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/en/press/[a-z0-9-]+$")]
    private static partial Regex ReleaseUrl();

    [GeneratedRegex(@"^tel:\+[0-9]+$")]
    private static partial Regex TelUri();
}
