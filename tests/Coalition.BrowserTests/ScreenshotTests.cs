using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Coalition.BrowserTests;

/// <summary>
/// Full-page screenshots at phone and desktop widths, for people to look at: written to screenshots/ beside the test
/// assembly. A current set is kept in docs/screenshots of the repository.
/// </summary>
public sealed class ScreenshotTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [SkippableTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Key_pages_render_at_width(int width)
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        Directory.CreateDirectory(Folder);

        await page.GotoAsync("/ru/");
        await ShootAsync(page, "home", width);

        await page.GotoAsync("/ru/news");
        await ShootAsync(page, "news", width);

        await page.Locator(".card-title a").First.ClickAsync();
        await page.WaitForURLAsync("**/ru/news/*");
        await ShootAsync(page, "article", width);

        await SignInAsync(page, PortalFixture.EditorEmail, PortalFixture.EditorPassword);
        await ShootAsync(page, "admin-dashboard", width);
    }

    private async Task ShootAsync(IPage page, string name, int width)
    {
        // Nothing may stick out sideways: a page wider than the screen makes a phone visitor scroll both ways.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{PathOf(page)} is {scrollWidth} px wide on a {width} px screen.");

        var file = Path.Combine(Folder, $"{name}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Output.WriteLine($"{file} ({new FileInfo(file).Length / 1024} KiB)");
    }
}
