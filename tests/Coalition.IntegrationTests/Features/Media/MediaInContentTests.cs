using System.Net;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Features.Media;

/// <summary>Covers and images in texts: how public pages show them, and why a used file cannot be deleted.</summary>
public sealed class MediaInContentTests(SmallUploadsAppFactory app) : IClassFixture<SmallUploadsAppFactory>, IDisposable
{
    private Browser? _editor;

    public void Dispose() => _editor?.Dispose();

    [Fact]
    public async Task NewsListAndArticle_ShowCoverWithSrcsetWidthHeightAndAlt()
    {
        var image = await UploadImageAsync("cover.jpg", "Volunteers hold a banner");
        var slug = "cover-test-" + Guid.NewGuid().ToString("N")[..8];
        await SaveNewsAsync(slug, image.Id, "Body text.");
        using var visitor = app.CreateClient();

        var list = await visitor.GetStringAsync("/en/news");
        var article = await visitor.GetStringAsync($"/en/news/{slug}");

        var listImg = ImgFor(list, image.StorageKey);
        Assert.Contains("alt=\"Volunteers hold a banner\"", listImg, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\"", listImg, StringComparison.Ordinal);
        Assert.Contains("height=\"800\"", listImg, StringComparison.Ordinal);
        Assert.Contains($"/media/{image.StorageKey}-480.jpg 480w, /media/{image.StorageKey}-960.jpg 960w, /media/{image.StorageKey}-1200.jpg 1200w", listImg, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", listImg, StringComparison.Ordinal);
        Assert.Contains($"<source sizes=\"(min-width: 40rem) 20rem, 100vw\" srcset=\"/media/{image.StorageKey}-480.webp 480w", list, StringComparison.Ordinal);

        var articleImg = ImgFor(article, image.StorageKey);
        Assert.Contains("alt=\"Volunteers hold a banner\"", articleImg, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\" ", articleImg, StringComparison.Ordinal);
        Assert.DoesNotContain("loading=\"lazy\"", articleImg, StringComparison.Ordinal); // the cover is above the fold
        Assert.Contains("fetchpriority=\"high\"", articleImg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cover_WithoutAltInTheArticlesLanguage_IsNotShownAndCannotBeChosen()
    {
        var image = await UploadImageAsync("no-russian-alt.jpg", "Only English alt");
        var slug = "alt-test-" + Guid.NewGuid().ToString("N")[..8];

        using var refused = await PostNewsFormAsync("ru", slug, image.Id, "Текст.");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // the form again, with the error
        Assert.Contains("no alt text in this language", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageInText_GetsSrcsetDimensionsAndTheLibrarysAlt()
    {
        var image = await UploadImageAsync("inline.jpg", "A courtroom door");
        var slug = "inline-test-" + Guid.NewGuid().ToString("N")[..8];
        await SaveNewsAsync(slug, null, $"Before.\n\n![](/media/{image.StorageKey}-960.jpg)\n\nAfter.");
        using var visitor = app.CreateClient();

        var article = await visitor.GetStringAsync($"/en/news/{slug}");

        var img = ImgFor(article, image.StorageKey);
        Assert.Contains("alt=\"A courtroom door\"", img, StringComparison.Ordinal);
        Assert.Contains("width=\"1200\"", img, StringComparison.Ordinal);
        Assert.Contains("height=\"800\"", img, StringComparison.Ordinal);
        Assert.Contains("srcset=", img, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", img, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_FileStillUsed_IsBlockedWithTheListOfUses()
    {
        var image = await UploadImageAsync("used.jpg", "Used image");
        var slug = "used-" + Guid.NewGuid().ToString("N")[..8];
        await SaveNewsAsync(slug, image.Id, $"Also in the text: ![x](/media/{image.StorageKey}-480.jpg)", title: "The article that uses it");
        var client = await EditorAsync();

        var confirm = await client.GetStringAsync($"/admin/media/{image.Id}/delete");
        using var response = await PostAsync($"/admin/media/{image.Id}/delete", []);

        Assert.Contains("The article that uses it", confirm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("cannot be deleted while content uses it", html, StringComparison.Ordinal);
        Assert.Contains("The article that uses it", html, StringComparison.Ordinal);
        Assert.Contains("Cover or attachment of", html, StringComparison.Ordinal);
        Assert.Contains("In the text of", html, StringComparison.Ordinal);
        Assert.True(await app.QueryDbAsync(db => db.Media.AnyAsync(m => m.Id == image.Id)));
        using var file = await app.CreateClient().GetAsync(MediaUrls.Of(image));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task Delete_UnusedFile_RemovesRowAndFiles()
    {
        var image = await UploadImageAsync("unused.jpg", "Unused image");

        using var response = await PostAsync($"/admin/media/{image.Id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.QueryDbAsync(db => db.Media.AnyAsync(m => m.Id == image.Id)));
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder, image.StorageKey + "*", SearchOption.AllDirectories));
        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Media").Select(e => e.Action).ToListAsync());
        Assert.Contains("media.upload", audit);
        Assert.Contains("media.delete", audit);
    }

    private async Task<MediaItem> UploadImageAsync(string name, string altEn)
    {
        using var response = await UploadAsync(MediaFixtures.JpegWithGpsExif(1200, 800), name, altEn);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        (await (await EditorAsync()).GetAsync(location)).Dispose();
        var id = int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return await app.QueryDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
    }

    /// <summary>Creates and publishes an English article through the real admin form, with the cover field.</summary>
    private async Task SaveNewsAsync(string slug, int? coverId, string body, string title = "Cover test")
    {
        using var response = await PostNewsFormAsync("en", slug, coverId, body, title);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostNewsFormAsync(string culture, string slug, int? coverId, string body, string title = "Cover test") =>
        PostAsync("/admin/news/create", new Dictionary<string, string>
        {
            ["Culture"] = culture,
            ["Title"] = title,
            ["Slug"] = slug,
            ["Summary"] = "Summary.",
            ["Body"] = body,
            ["Fields.CoverMediaId"] = coverId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Version"] = "0",
            ["action"] = "publish",
        });

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields)
    {
        var client = await EditorAsync();
        fields["__RequestVerificationToken"] = await client.GetAntiforgeryTokenAsync("/admin/media");
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form);
    }

    /// <summary>The first img tag whose src is one of the item's variants.</summary>
    private static string ImgFor(string html, string key)
    {
        var match = Regex.Match(html, $"<img [^>]*src=\"/media/{key}-[^>]*>");
        Assert.True(match.Success, $"no img for {key}");
        return match.Value;
    }

    /// <summary>One Editor per test, signed in on first use.</summary>
    private async Task<Browser> EditorAsync() => _editor ??= await app.SignedInClientAsync(Roles.Editor);

    private async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, string? altEn = "A test image", bool decorative = false, string contentType = "application/octet-stream") =>
        await CoalitionAppFactory.UploadAsync(await EditorAsync(), file, fileName, altEn, decorative, contentType);
}
