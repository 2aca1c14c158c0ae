using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, items 4 and 11: tiny images upload; a file is public only while a published item uses it (staff and
/// share-link previews still see it); archives with server scripts are refused; PDF scripts and automatic actions are
/// removed and reported; scheme-relative links are judged as https.
/// </summary>
public sealed class MediaHardeningTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    public static TheoryData<int, int> TinyImages() => new() { { 1, 1 }, { 5, 40 }, { 9, 9 }, { 40, 3 } };

    [Theory]
    [MemberData(nameof(TinyImages))]
    public async Task Upload_ImageNarrowerThan10Pixels_IsStoredAndServed(int width, int height)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await UploadAsync(editor, MediaFixtures.Png(width, height), $"tiny-{width}x{height}.png");

        await HostileAssert.StatusAsync(HttpStatusCode.Redirect, response);
        var item = await LatestAsync();
        foreach (var name in MediaLibrary.StoredFiles(item))
        {
            using var file = await editor.GetAsync(new Uri(MediaUrls.Prefix + name, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }
    }

    public static TheoryData<string> ServerScripts() => ["shell.php", "x/admin.aspx", "page.jsp", "cgi-bin/run.cgi", "deploy.sh", "a/b/.htaccess", "x.PHP5"];

    [Theory]
    [MemberData(nameof(ServerScripts))]
    public async Task Upload_ZipWithAServerScript_IsRefusedAndStoresNothing(string entry)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var before = await StoreSnapshot.TakeAsync(factory);

        using var response = await UploadAsync(editor, MediaFixtures.Zip("readme.txt", entry), "bundle.zip", alt: null);

        await HostileAssert.StatusAsync(HttpStatusCode.BadRequest, response);
        Assert.Contains(Path.GetFileName(entry), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    public static TheoryData<string> PdfActions() => ["/OpenAction", "/AA", "/JavaScript", "/Launch"];

    [Theory]
    [MemberData(nameof(PdfActions))]
    public async Task Upload_PdfWithScriptsOrAutoActions_IsCleanedAndTheEditorIsTold(string kind)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await UploadAsync(editor, PdfWith(kind), "statement.pdf", alt: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await LatestAsync();
        Assert.Contains(MetadataFields.Scripts, MetadataFields.Split(item.RemovedMetadata));
        using var details = await editor.GetAsync(response.Headers.Location);
        Assert.Contains("scripts and automatic actions", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var file = await editor.GetAsync(new Uri(MediaUrls.Of(item), UriKind.Relative));
        var bytes = await file.Content.ReadAsByteArrayAsync();
        foreach (var key in new[] { "/JavaScript", "/JS ", "/OpenAction", "/AA ", "/Launch", "app.alert" })
        {
            Assert.False(MediaFixtures.Contains(bytes, key), $"the stored PDF still has {key}");
        }
    }

    [Fact]
    public async Task MediaFile_UsedOnlyByADraft_IsHiddenUntilPublishedAndAgainAfter()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await UploadAsync(editor, MediaFixtures.Png(640, 480), "embargoed.png")).Dispose();
        var item = await LatestAsync();
        var url = MediaUrls.Of(item);
        var (id, _) = await factory.CreateNewsAsync($"Embargoed {Guid.NewGuid():N}", publish: false, culture: "en", body: $"![A chart]({url})");

        Assert.Equal(HttpStatusCode.NotFound, await AnonymousStatusAsync(url));
        using (var staff = await editor.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
            Assert.Contains("no-store", staff.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        await SetPublishedAsync(id, true);
        Assert.Equal(HttpStatusCode.OK, await AnonymousStatusAsync(url));

        await SetPublishedAsync(id, false);
        Assert.Equal(HttpStatusCode.NotFound, await AnonymousStatusAsync(url));
    }

    [Fact]
    public async Task MediaFile_OfADraft_OpensThroughItsShareLinkOnly()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await UploadAsync(editor, MediaFixtures.Png(640, 480), "draft-chart.png")).Dispose();
        var item = await LatestAsync();
        var url = MediaUrls.Of(item);
        var (id, _) = await factory.CreateNewsAsync($"Shared draft {Guid.NewGuid():N}", publish: false, culture: "en", body: $"![A chart]({url})");
        var (otherId, _) = await factory.CreateNewsAsync($"Other draft {Guid.NewGuid():N}", publish: false, culture: "en");
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var links = scope.ServiceProvider.GetRequiredService<ShareLinkService>();
            token = await links.CreateAsync(ContentEditor<NewsArticle>.ContentType, id, 3);
            var otherToken = await links.CreateAsync(ContentEditor<NewsArticle>.ContentType, otherId, 3);

            // A link to another draft grants nothing for this file.
            using var stranger = factory.CreateBrowser("en");
            (await stranger.GetAsync(new Uri($"/preview/{otherToken}", UriKind.Relative))).Dispose();
            using var refused = await stranger.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var partner = factory.CreateBrowser("en");
        using (var preview = await partner.GetAsync(new Uri($"/preview/{token}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        }

        using var image = await partner.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Contains("no-store", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await AnonymousStatusAsync(url));
    }

    public static TheoryData<string> SchemeRelativeLinks() => ["//evil.example/x", "/\\evil.example/x", "\\\\evil.example/x"];

    [Theory]
    [MemberData(nameof(SchemeRelativeLinks))]
    public async Task Text_SchemeRelativeLink_IsWrittenAsHttps(string href)
    {
        var (_, slug) = await factory.CreateNewsAsync($"Links {Guid.NewGuid():N}", publish: true, culture: "en", body: $"See [the report]({href}).");
        using var visitor = factory.CreateBrowser("en");

        var page = await visitor.GetDocumentAsync($"/en/news/{slug}");

        var link = page.QuerySelectorAll(".prose a").Select(a => a.GetAttribute("href")).SingleOrDefault();
        Assert.True(link is null || (!MarkdownRenderer.SchemeRelative(link) && !link.StartsWith("http:", StringComparison.OrdinalIgnoreCase)), $"href was {link}");
    }

    private async Task<HttpStatusCode> AnonymousStatusAsync(string url)
    {
        using var visitor = factory.CreateBrowser("en");
        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task SetPublishedAsync(int id, bool published)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>().SetPublishedAsync(id, published, userId: null);
        Assert.True(result.Succeeded, result.Outcome.ToString());
    }

    private Task<MediaItem> LatestAsync() => factory.QueryDbAsync(db => db.Media.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync());

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name, string? alt = "A test image")
    {
        var token = await client.GetAntiforgeryTokenAsync("/admin/media");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file), "File", name },
            { new StringContent(alt ?? ""), "AltEn" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync(new Uri("/admin/media/upload", UriKind.Relative), form);
    }

    /// <summary>A one-page PDF with the given active content.</summary>
    private static byte[] PdfWith(string kind)
    {
        using var doc = new PdfDocument();
        var page = doc.AddPage();
        var js = new PdfDictionary(doc);
        js.Elements.SetName("/S", "/JavaScript");
        js.Elements.SetString("/JS", "app.alert('hi')");
        doc.Internals.AddObject(js);
        switch (kind)
        {
            case "/OpenAction":
                doc.Internals.Catalog.Elements.SetReference("/OpenAction", js);
                break;
            case "/AA":
                var aa = new PdfDictionary(doc);
                aa.Elements.SetReference("/O", js);
                page.Elements["/AA"] = aa;
                break;
            case "/JavaScript":
                var names = new PdfDictionary(doc);
                var tree = new PdfDictionary(doc);
                var array = new PdfArray(doc);
                array.Elements.Add(new PdfString("init"));
                array.Elements.Add(js.Reference!);
                tree.Elements["/Names"] = array;
                names.Elements["/JavaScript"] = tree;
                doc.Internals.Catalog.Elements["/Names"] = names;
                break;
            default:
                var launch = new PdfDictionary(doc);
                launch.Elements.SetName("/S", "/Launch");
                launch.Elements.SetString("/F", "cmd.exe");
                doc.Internals.AddObject(launch);
                doc.Internals.Catalog.Elements.SetReference("/OpenAction", launch);
                break;
        }

        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }
}
