using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Coalition.Web.Features.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

public sealed partial class VisitorJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    [SkippableFact]
    public async Task Phone_visitor_reads_an_article_and_switches_to_its_English_translation()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });

        // "/" sends a Russian-speaking browser to the Russian home page.
        await page.GotoAsync("/");
        Assert.Equal("/ru/", PathOf(page));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        // The newest story on the home page is translated into English.
        var first = page.Locator(".card-title a").First;
        var russianTitle = (await first.InnerTextAsync()).Trim();
        await first.TapAsync();
        await page.WaitForURLAsync(RussianArticleUrl());
        await Expect(page.Locator("main h1")).ToHaveTextAsync(russianTitle);

        var story = DemoContent.News.Single(s => s.Texts.TryGetValue("ru", out var ru) && ru.Title == russianTitle);
        Assert.True(story.Texts.ContainsKey("en"), "the newest demo story should have an English translation");

        // The switcher goes to the same story in English, not to the English home page.
        await page.Locator(".lang-switcher a[hreflang=en]").TapAsync();
        await page.WaitForURLAsync(EnglishArticleUrl());
        Assert.StartsWith("/en/news/", PathOf(page), StringComparison.Ordinal);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(story.Texts["en"].Title);
        await Expect(page.Locator(".lang-switcher [aria-current]")).ToHaveTextAsync("English");

        // The choice is remembered: "/" now opens the English home page.
        await page.GotoAsync("/");
        Assert.Equal("/en/", PathOf(page));
    }

    [GeneratedRegex(@"/ru/news/[a-z0-9-]+$")]
    private static partial Regex RussianArticleUrl();

    [GeneratedRegex(@"/en/news/[a-z0-9-]+$")]
    private static partial Regex EnglishArticleUrl();
}
