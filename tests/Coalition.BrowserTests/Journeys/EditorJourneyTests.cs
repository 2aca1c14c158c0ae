using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

public sealed partial class EditorJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    [SkippableFact]
    public async Task Editor_publishes_an_article_and_an_anonymous_visitor_sees_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"Browser test article {tag}";
        var summary = "Written by the browser tests.";
        var body = $"First paragraph of article {tag}.\n\nSecond paragraph, with **bold** text.";

        var editor = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(editor, PortalFixture.EditorEmail, PortalFixture.EditorPassword);

        // From the dashboard to the editor form. Tajik, so that the Russian and English pages the other tests look at stay as seeded.
        await editor.Locator("main a[href='/admin/news/create']").ClickAsync();
        await editor.WaitForURLAsync("**/admin/news/create");
        await editor.Locator("#Culture").SelectOptionAsync("tg");
        await editor.Locator("#Title").FillAsync(title);
        await editor.Locator("#Summary").FillAsync(summary);
        await editor.Locator("#Body").FillAsync(body);
        await editor.Locator("button[name=action][value=publish]").ClickAsync();

        await editor.WaitForURLAsync(EditUrl());
        await Expect(editor.Locator("main .notice")).ToBeVisibleAsync();
        await Expect(editor.Locator("#Title")).ToHaveValueAsync(title);
        var slug = await editor.Locator("#Slug").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(slug), "the address should be made from the title");

        // A second browser context, without the editor's cookie.
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/tg/news");
        var link = visitor.Locator(".card-title a", new() { HasText = title });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", $"/tg/news/{slug}");
        await link.ClickAsync();
        await visitor.WaitForURLAsync($"**/tg/news/{slug}");
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(visitor.Locator(".prose p").First).ToHaveTextAsync($"First paragraph of article {tag}.");
        await Expect(visitor.Locator(".prose strong")).ToHaveTextAsync("bold");
    }

    [GeneratedRegex(@"/admin/news/\d+/edit$")]
    private static partial Regex EditUrl();
}
