using System.Globalization;
using System.Text.RegularExpressions;
using Coalition.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Coalition.BrowserTests.Journeys;

public sealed partial class EditorJourneyTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal, output)
{
    private const int CoverWidth = 640;
    private const int CoverHeight = 360;

    [SkippableFact]
    public async Task Editor_publishes_an_article_with_a_cover_image_and_an_anonymous_visitor_sees_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var title = $"Browser test article {tag}";
        var summary = "Written by the browser tests.";
        var body = $"First paragraph of article {tag}.\n\nSecond paragraph, with **bold** text.";
        var fileName = $"browser-test-cover-{tag}.jpg";
        // Tajik, the article's language; the form needs alt text in at least one language.
        var alt = $"Тасвири санҷишӣ {tag}: доираи тиллоӣ дар заминаи кабуд.";

        var editor = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(editor, PortalFixture.EditorEmail, PortalFixture.EditorPassword);

        // The media library, from the admin menu: upload a JPEG made here, with its alt text.
        await editor.Locator("header a[href='/admin/media']").ClickAsync();
        await editor.WaitForURLAsync("**/admin/media");
        var upload = editor.Locator("form[action='/admin/media/upload']");
        await upload.Locator("#File").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = Jpeg() });
        await upload.Locator("#AltTg").FillAsync(alt);
        await upload.Locator("button[type=submit]").ClickAsync();

        await editor.WaitForURLAsync(MediaDetailsUrl());
        var mediaId = MediaDetailsUrl().Match(PathOf(editor)).Groups[1].Value;
        await Expect(editor.Locator("main .notice")).ToContainTextAsync(fileName);
        await Expect(editor.Locator("main h1")).ToHaveTextAsync(fileName);
        await Expect(editor.Locator("#AltTg")).ToHaveValueAsync(alt);

        // From the dashboard to the editor form. Tajik, so that the Russian and English pages the other tests look at stay as seeded.
        await editor.Locator("header a.brand").ClickAsync();
        await editor.WaitForURLAsync(AdminDashboardUrl());
        await editor.Locator("main a[href='/admin/news/create']").ClickAsync();
        await editor.WaitForURLAsync("**/admin/news/create");
        await editor.Locator("#Culture").SelectOptionAsync("tg");
        await editor.Locator("#Title").FillAsync(title);
        await editor.Locator("#Summary").FillAsync(summary);
        await SelectCoverAsync(editor, mediaId);
        await editor.Locator("#Body").FillAsync(body);
        await editor.Locator("button[name=action][value=publish]").ClickAsync();

        await editor.WaitForURLAsync(EditUrl());
        await Expect(editor.Locator("main .notice")).ToBeVisibleAsync();
        await Expect(editor.Locator("#Title")).ToHaveValueAsync(title);
        await Expect(editor.Locator("select[name='Fields.CoverMediaId']").First).ToHaveValueAsync(mediaId);
        await Expect(editor.Locator(".cover-field p.field-error")).ToHaveCountAsync(0);
        var slug = await editor.Locator("#Slug").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(slug), "the address should be made from the title");

        // A second browser context, without the editor's cookie: the list shows the article with its cover.
        var visitor = await (await NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync("/tg/news");
        var link = visitor.Locator(".card-title a", new() { HasText = title });
        await Expect(link).ToBeVisibleAsync();
        await Expect(link).ToHaveAttributeAsync("href", $"/tg/news/{slug}");
        var card = visitor.Locator(".card", new() { Has = link });
        await ExpectCoverAsync(card.Locator("picture"), alt);
        await AssertEveryImageHasAltAsync(visitor);

        // The article page, with the cover at the top.
        await link.ClickAsync();
        await visitor.WaitForURLAsync($"**/tg/news/{slug}");
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(visitor.Locator(".prose p").First).ToHaveTextAsync($"First paragraph of article {tag}.");
        await Expect(visitor.Locator(".prose strong")).ToHaveTextAsync("bold");
        var cover = visitor.Locator("article.article picture.cover");
        await ExpectCoverAsync(cover, alt);
        await AssertEveryImageHasAltAsync(visitor);

        // The browser loaded the cover (eager, above the fold), and every address of it answers with an image.
        var img = cover.Locator("img");
        await Expect(img).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await img.EvaluateAsync<int>("i => i.naturalWidth") > 0, "the browser should have decoded the cover image");
        var shown = await img.EvaluateAsync<string>("i => i.currentSrc");
        Assert.EndsWith(".webp", shown, StringComparison.Ordinal);
        var urls = SrcSetUrls(await cover.Locator("source").GetAttributeAsync("srcset"))
            .Concat(SrcSetUrls(await img.GetAttributeAsync("srcset")))
            .Append(await img.GetAttributeAsync("src") ?? "")
            .Append(shown)
            .Select(u => new Uri(new Uri(visitor.Url), u).PathAndQuery)
            .Distinct()
            .ToList();
        foreach (var url in urls)
        {
            var response = await visitor.APIRequest.GetAsync(url);
            Assert.True(response.Status == 200, $"GET {url} answered {response.Status}");
            var type = response.Headers.GetValueOrDefault("content-type", "");
            Assert.Equal(url.EndsWith(".webp", StringComparison.Ordinal) ? "image/webp" : "image/jpeg", type);
            Assert.NotEmpty(await response.BodyAsync());
            await response.DisposeAsync();
        }

        Output.WriteLine($"Cover #{mediaId}: {urls.Count} addresses fetched: {string.Join(", ", urls)}");
    }

    /// <summary>
    /// Chooses the cover in the edit form. There must be exactly one cover select: with two, the first value posted is
    /// the one bound, and a choice made in the other would be lost without a word.
    /// </summary>
    private static async Task SelectCoverAsync(IPage page, string mediaId)
    {
        var select = page.Locator("select[name='Fields.CoverMediaId']");
        await Expect(select).ToHaveCountAsync(1);
        await select.SelectOptionAsync(mediaId);
    }

    /// <summary>A cover as the public pages render it: WebP and JPEG srcsets, the intrinsic size, and the alt text of the page's language.</summary>
    private static async Task ExpectCoverAsync(ILocator picture, string alt)
    {
        await Expect(picture).ToHaveCountAsync(1);
        var source = picture.Locator("source[type='image/webp']");
        await Expect(source).ToHaveCountAsync(1);
        await Expect(source).ToHaveAttributeAsync("srcset", MediaSrcSet("webp"));
        var img = picture.Locator("img");
        await Expect(img).ToHaveCountAsync(1);
        await Expect(img).ToHaveAttributeAsync("alt", alt);
        await Expect(img).ToHaveAttributeAsync("srcset", MediaSrcSet("jpg"));
        await Expect(img).ToHaveAttributeAsync("src", MediaFile("jpg"));
        await Expect(img).ToHaveAttributeAsync("width", CoverWidth.ToString(CultureInfo.InvariantCulture));
        await Expect(img).ToHaveAttributeAsync("height", CoverHeight.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Fails when an <c>img</c> on the page has no alt attribute (an empty alt, for a decorative image, is fine).</summary>
    private static async Task AssertEveryImageHasAltAsync(IPage page)
    {
        var images = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.images).map(i => i.hasAttribute('alt') ? '' : i.outerHTML)");
        Assert.NotEmpty(images);
        var missing = images.Where(html => html.Length > 0).ToList();
        Assert.True(missing.Count == 0, $"Images without an alt attribute on {PathOf(page)}:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    private static IEnumerable<string> SrcSetUrls(string? srcset) =>
        (srcset ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(candidate => candidate.Split(' ')[0]);

    /// <summary>A small JPEG drawn here: a gold circle on blue, <see cref="CoverWidth"/> × <see cref="CoverHeight"/>.</summary>
    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(CoverWidth, CoverHeight);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0xE8, 0xB9, 0x3C) })
        {
            canvas.Clear(new SKColor(0x1F, 0x3A, 0x5F));
            canvas.DrawCircle(CoverWidth / 2f, CoverHeight / 2f, CoverHeight / 3f, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>One stored file of a library image: <c>/media/{32 hex}-{width}.{extension}</c>.</summary>
    private static Regex MediaFile(string extension) => new($@"^/media/[a-f0-9]{{32}}-\d{{2,5}}\.{extension}$");

    /// <summary>A srcset of library files of one format, each with its width descriptor.</summary>
    private static Regex MediaSrcSet(string extension) =>
        new($@"^/media/[a-f0-9]{{32}}-\d{{2,5}}\.{extension} \d+w(, /media/[a-f0-9]{{32}}-\d{{2,5}}\.{extension} \d+w)*$");

    [GeneratedRegex(@"/admin/news/\d+/edit$")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"/admin/media/(\d+)$")]
    private static partial Regex MediaDetailsUrl();
}
