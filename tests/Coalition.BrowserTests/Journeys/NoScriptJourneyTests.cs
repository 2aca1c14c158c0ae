using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

/// <summary>The site works without JavaScript: many visitors block scripts, and the pages must not depend on them.</summary>
public sealed partial class NoScriptJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    [SkippableFact]
    public async Task Visitor_without_JavaScript_reads_the_news_and_staff_can_sign_in()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

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

    [GeneratedRegex(@"/ru/news/[a-z0-9-]+$")]
    private static partial Regex ArticleUrl();
}
