using System.IO.Compression;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Press;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>The public press room: embargo at the boundary minute on every surface, the feed, the kit, contacts.</summary>
public sealed class PressControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<bool> ListedAsync(string title, string query = "")
    {
        using var client = factory.CreateBrowser();
        var list = await client.GetDocumentAsync("/en/press" + query);
        return list.QuerySelectorAll(".card-title a").Any(a => a.TextContent.Trim() == title);
    }

    private async Task<SyndicationFeed> FeedAsync(string culture = "en")
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri($"/{culture}/press/feed.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "the feed is not Atom 1.0");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task Embargo_HidesPageListFeedAndFilesUntilTheMinute_ThenShowsThemWithNoStep()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var embargo = PressTestData.NextMinute(factory, 10);
        var title = Unique("Embargoed release");
        var (_, slug) = await PressTestData.CreateReleaseAsync(factory, title, files, embargo);
        var pdf = $"/en/press/{slug}/files/{await PressTestData.DocumentNameAsync(factory, files.Pdf)}";

        factory.Clock.Advance(embargo - factory.UtcNow - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/en/press/{slug}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(pdf));
        Assert.False(await ListedAsync(title));
        Assert.DoesNotContain((await FeedAsync()).Items, i => i.Title.Text == title);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/en/press/{slug}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(pdf));
        Assert.True(await ListedAsync(title));
        Assert.Contains((await FeedAsync()).Items, i => i.Title.Text == title);
    }

    [Fact]
    public async Task Show_ListsFilesWithFormatPhotoCreditContactsPartnersAndFeedLink()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var contact = new MediaContact { Name = Unique("Press officer"), RoleEn = "Spokesperson", Languages = "ru,en", Email = "press@example.org", Phone = "+992 00 000 00 00", NoteEn = "Signal on this number" };
        await factory.ExecuteDbAsync(async db => { db.Set<MediaContact>().Add(contact); await db.SaveChangesAsync(); });
        var title = Unique("Release with files");
        var (_, slug) = await PressTestData.CreateReleaseAsync(factory, title, files, contacts: [contact.Id]);

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/en/press/{slug}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Dushanbe", page.QuerySelector("article .meta time")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var download = page.QuerySelector(".files a[download]")!;
        Assert.StartsWith($"/en/press/{slug}/files/", download.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("PDF", download.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Photo: Test credit", page.QuerySelector(".press-photos figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='tel:+992000000000']"));
        Assert.NotNull(page.QuerySelector("a[href='mailto:press@example.org']"));
        Assert.Contains("Signal on this number", page.QuerySelector(".contacts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Helsinki Foundation for Human Rights", page.QuerySelector(".partners")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/en/press/feed.atom", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));

        using var file = await client.GetAsync(new Uri(download.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Statement.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain(MediaFixtures.SecretName, System.Text.Encoding.Latin1.GetString(await file.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseFile_NotOneOfTheReleasesFiles_Is404()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var other = await PressTestData.UploadFilesAsync(factory);
        var (_, slug) = await PressTestData.CreateReleaseAsync(factory, Unique("Release"), files);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/en/press/{slug}/files/{await PressTestData.DocumentNameAsync(factory, other.Pdf)}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/en/press/{slug}/files/..%2F..%2Fetc%2Fpasswd"));
    }

    [Fact]
    public async Task Feed_ParsesBackWithAbsoluteLinksSummaryAndEnclosures()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var title = Unique("Feed release");
        var (_, slug) = await PressTestData.CreateReleaseAsync(factory, title, files);

        var feed = await FeedAsync();
        var item = Assert.Single(feed.Items, i => i.Title.Text == title);
        Assert.Equal("Summary of " + title, item.Summary.Text);
        Assert.Equal(new Uri($"http://localhost/en/press/{slug}"), item.Links.Single(l => l.RelationshipType is null or "alternate").Uri);
        var enclosure = item.Links.First(l => l.RelationshipType == "enclosure");
        Assert.Equal("application/pdf", enclosure.MediaType);
        Assert.StartsWith($"http://localhost/en/press/{slug}/files/", enclosure.Uri.ToString(), StringComparison.Ordinal);
        Assert.True(enclosure.Length > 0);
        Assert.Equal("en", feed.Language);
        Assert.DoesNotContain((await FeedAsync("ru")).Items, i => i.Title.Text == title);
    }

    [Fact]
    public async Task Feed_IgnoresTheRequestsHost()
    {
        using var client = factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/press/feed.atom");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_FiltersByYear()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var title = Unique("This year");
        await PressTestData.CreateReleaseAsync(factory, title, files);
        var year = Coalition.Web.Features.Localization.DushanbeTime.ToLocal(factory.UtcNow).Year;
        Assert.True(await ListedAsync(title, $"?year={year}"));
        Assert.False(await ListedAsync(title, $"?year={year - 3}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/en/press?year=1066"));
    }

    [Fact]
    public async Task Kit_ZipHoldsExactlyTheChosenCleanedFiles()
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        foreach (var id in new[] { files.Pdf, files.Photo })
        {
            using var added = await editor.SubmitFormAsync("/admin/press-room", "/admin/press-room/kit", new() { ["mediaId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["credit"] = "Kit credit" });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var kit = await factory.QueryDbAsync(db => db.Set<PressKitItem>().Include(k => k.Media).ToListAsync());
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/en/press/kit");
        Assert.NotNull(page.QuerySelector("a[href='/en/press/kit/press-kit.zip']"));
        Assert.Contains("Photo: Kit credit", page.QuerySelector(".press-photos")!.TextContent, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri("/en/press/kit/press-kit.zip", UriKind.Relative));
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(kit.Count, zip.Entries.Count);
        foreach (var item in kit.Select(k => k.Media!))
        {
            var entryName = item.Kind == MediaKind.Document ? item.DisplayName : Path.ChangeExtension(item.DisplayName, ".jpg");
            var entry = zip.GetEntry(entryName);
            Assert.True(entry is not null, $"the ZIP lacks {entryName}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
            using var content = new MemoryStream();
            await using (var s = entry!.Open())
            {
                await s.CopyToAsync(content);
            }

            var text = System.Text.Encoding.Latin1.GetString(content.ToArray());
            Assert.DoesNotContain(MediaFixtures.SecretName, text, StringComparison.Ordinal);
            if (item.Kind == MediaKind.Document)
            {
                Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(0xFF, content.ToArray()[0]); // the re-encoded JPEG, not the upload
            }
        }

        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains('/', StringComparison.Ordinal) || e.FullName.Contains("..", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contacts_ShowsListedContactsWithMailtoTelLanguagesAndNote()
    {
        var name = Unique("Contact");
        using (var warm = factory.CreateBrowser())
        {
            using var cached = await warm.GetAsync(new Uri("/ru/press/contacts", UriKind.Relative)); // in the output cache now
        }

        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        foreach (var (contactName, listed) in new[] { (name, "true"), (name + " hidden", "false") })
        {
            using var saved = await editor.SubmitFormAsync("/admin/press-room/contacts/new", "/admin/press-room/contacts/0", new()
            {
                ["Form.Name"] = contactName, ["Form.RoleRu"] = "Пресс-секретарь", ["Form.RoleEn"] = "Press secretary", ["Form.Languages"] = "tg",
                ["Form.Email"] = "media@example.org", ["Form.Phone"] = "+992 00 000 00 02", ["Form.NoteRu"] = "Signal на этом номере", ["Form.Listed"] = listed,
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/ru/press/contacts");
        var card = page.QuerySelectorAll(".contact").Single(c => c.TextContent.Contains(name, StringComparison.Ordinal) && !c.TextContent.Contains("hidden", StringComparison.Ordinal));
        Assert.Contains("Пресс-секретарь", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("таджикский", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Signal на этом номере", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a[href='mailto:media@example.org']"));
        Assert.NotNull(card.QuerySelector("a[href='tel:+992000000002']"));
        Assert.DoesNotContain(page.QuerySelectorAll(".contact"), c => c.TextContent.Contains(name + " hidden", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml']"));
    }

    [Fact]
    public async Task PressPages_AnswerInEveryLanguage()
    {
        foreach (var culture in new[] { "ru", "tg", "en" })
        {
            foreach (var path in new[] { "press", "press/contacts", "press/kit", "press/alerts", "press/feed.atom" })
            {
                Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/{culture}/{path}"));
            }
        }
    }
}
