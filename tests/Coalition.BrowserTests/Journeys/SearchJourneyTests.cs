using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

public sealed class SearchJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    [SkippableFact]
    public async Task Phone_visitor_searches_in_Russian_from_the_header_and_opens_a_result()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        await page.GotoAsync("/ru/");
        await SearchJourney.WaitForResultsAsync(page, "/ru/search?q=" + Uri.EscapeDataString("пытки"));

        // From the header of any page, as a visitor would: another form of the word finds the stories.
        await page.GotoAsync("/ru/news");
        var field = page.Locator("header form[role=search] input[name=q]");
        await field.TapAsync();
        await field.FillAsync("пыткам");
        await field.PressAsync("Enter");
        await page.WaitForURLAsync("**/ru/search?q=*");

        var first = page.Locator(".search-results h3 a").First;
        await Expect(first).ToBeVisibleAsync();
        await Expect(page.Locator(".search-results mark").First).ToBeVisibleAsync();
        var title = (await first.InnerTextAsync()).Trim();
        await first.TapAsync();
        await page.WaitForURLAsync("**/ru/**");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(title);
    }
}

internal static class SearchJourney
{
    /// <summary>The portal builds its search index in the background at startup: reload until the results are there.</summary>
    public static async Task WaitForResultsAsync(IPage page, string url)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(url);
            if (await page.Locator(".search-results li").CountAsync() > 0)
            {
                return;
            }

            await page.WaitForTimeoutAsync(500);
        }

        throw new InvalidOperationException($"No search results at {url} after 30 s.");
    }
}
