using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>
/// What search engines, feed readers and link previews read: sitemaps, robots.txt, Atom feeds, canonical links,
/// OpenGraph/Twitter tags and JSON-LD; all with absolute links from Site:PublicBaseUrl, never from the Host header.
/// On the demo content, which has covers, translations and events; over https, as the configured address says
/// (the antiforgery cookie of the event registration form is then Secure-only).
/// </summary>
public sealed class DiscoveryControllerTests(DiscoveryControllerTests.DiscoveryAppFactory factory) : IClassFixture<DiscoveryControllerTests.DiscoveryAppFactory>
{
    public const string Origin = "https://coalition.example.org";
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public sealed class DiscoveryAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "true",
        ["Site:PublicBaseUrl"] = Origin,
    });

    [Fact]
    public async Task Robots_AllowsThePublicSite_DisallowsStaffAreas_NamesTheSitemap()
    {
        using var client = factory.CreateBrowser(https: true);
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        var lines = robots.Split('\n');
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains("Disallow: /preview", lines);
        Assert.Contains($"Sitemap: {Origin}/sitemap.xml", lines);
    }

    [Fact]
    public async Task Sitemap_IndexAndEveryLanguage_ListOnlyPublicItems_AndEveryUrlAnswers200()
    {
        var (draftId, draft) = await factory.CreateNewsAsync("Sitemap draft", publish: false);
        var scheduled = await CreateAsync("Sitemap scheduled", SaveAction.Schedule, factory.UtcNow.AddDays(3), null);
        var expired = await CreateAsync("Sitemap expired", SaveAction.Publish, null, factory.UtcNow.AddMinutes(1));
        var (trashedId, trashed) = await factory.CreateNewsAsync("Sitemap trashed", publish: true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>().TrashAsync(trashedId);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var (_, live) = await factory.CreateNewsAsync("Sitemap live", publish: true);
        using var client = factory.CreateBrowser(https: true);

        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        Assert.Equal([$"{Origin}/ru/sitemap.xml", $"{Origin}/tg/sitemap.xml", $"{Origin}/en/sitemap.xml"], sitemaps);

        var all = new List<string>();
        foreach (var sitemap in sitemaps)
        {
            using var response = await client.GetAsync(new Uri(new Uri(sitemap).PathAndQuery, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("application/xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            var set = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(Sm + "urlset", set.Root!.Name);
            var urls = set.Root.Elements(Sm + "url").ToList();
            Assert.InRange(urls.Count, 1, 50_000);
            foreach (var url in urls)
            {
                var loc = url.Element(Sm + "loc")!.Value;
                Assert.StartsWith(Origin + "/", loc, StringComparison.Ordinal);
                Assert.True(loc.Length < 2048);
                if (url.Element(Sm + "lastmod") is { } lastmod)
                {
                    Assert.True(DateTimeOffset.TryParse(lastmod.Value, out var at) && at <= factory.Clock.GetUtcNow(), lastmod.Value);
                }

                foreach (var link in url.Elements(Xhtml + "link"))
                {
                    Assert.Equal("alternate", link.Attribute("rel")!.Value);
                    Assert.Contains(link.Attribute("hreflang")!.Value, new[] { "ru", "tg", "en" });
                    Assert.StartsWith(Origin + "/", link.Attribute("href")!.Value, StringComparison.Ordinal);
                }

                all.Add(loc);
            }
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains($"{Origin}/ru/news/{live}", all);
        Assert.Contains($"{Origin}/en/about", all);
        foreach (var hidden in new[] { draft, scheduled, expired, trashed })
        {
            Assert.DoesNotContain(all, u => u.EndsWith("/" + hidden, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(all, u => u.Contains("/preview", StringComparison.Ordinal) || u.Contains("/admin", StringComparison.Ordinal));
        foreach (var url in all)
        {
            using var page = await client.GetAsync(new Uri(new Uri(url).PathAndQuery, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)page.StatusCode}");
        }

        Assert.True(draftId > 0);
    }

    [Fact]
    public async Task Sitemap_TranslatedItem_LinksEachVisibleTranslation()
    {
        var (id, ru) = await factory.CreateNewsAsync("Переведённая статья для карты", publish: true);
        var (_, en) = await factory.TranslateNewsAsync(id, "en", "Translated sitemap article");
        using var client = factory.CreateBrowser(https: true);

        var set = XDocument.Parse(await client.GetStringAsync(new Uri("/ru/sitemap.xml", UriKind.Relative)));
        var url = set.Root!.Elements(Sm + "url").Single(u => u.Element(Sm + "loc")!.Value == $"{Origin}/ru/news/{ru}");
        var links = url.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal($"{Origin}/en/news/{en}", links["en"]);
        Assert.Equal($"{Origin}/ru/news/{ru}", links["ru"]);
        Assert.False(links.ContainsKey("tg"));
    }

    [Theory]
    [InlineData("/ru/news/feed.atom", "ru")]
    [InlineData("/en/news/feed.atom", "en")]
    [InlineData("/tg/feed.atom", "tg")]
    [InlineData("/ru/feed.atom", "ru")]
    public async Task Feed_ParsedBackWithTheSyndicationReader_HasAbsoluteLinksSummariesAndCovers(string path, string culture)
    {
        using var client = factory.CreateBrowser(https: true);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/atom+xml", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;

        Assert.Equal(culture, feed.Language);
        Assert.Equal($"{Origin}{path}", feed.Links.Single(l => l.RelationshipType == "self").Uri.ToString());
        Assert.StartsWith($"{Origin}/{culture}/", feed.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString(), StringComparison.Ordinal);
        var items = feed.Items.ToList();
        Assert.NotEmpty(items);
        Assert.True(items.Count <= 20);
        Assert.Equal(items.Max(i => i.LastUpdatedTime), feed.LastUpdatedTime);
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));
        foreach (var item in items)
        {
            Assert.StartsWith("tag:coalition.example.org,", item.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(item.Title.Text));
            Assert.True(item.LastUpdatedTime >= item.PublishDate);
            Assert.True(item.PublishDate <= factory.Clock.GetUtcNow());
            var link = item.Links.Single(l => l.RelationshipType == "alternate").Uri.ToString();
            Assert.StartsWith($"{Origin}/{culture}/", link, StringComparison.Ordinal);
            using var page = await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        Assert.Contains(items, i => i.Summary is { Text.Length: > 0 });
        var enclosures = items.SelectMany(i => i.Links).Where(l => l.RelationshipType == "enclosure").ToList();
        Assert.NotEmpty(enclosures);
        Assert.All(enclosures, e =>
        {
            Assert.Equal("image/jpeg", e.MediaType);
            Assert.StartsWith($"{Origin}/media/", e.Uri.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Feed_ScheduledArticle_IsLeftOutUntilItsTime()
    {
        var slug = await CreateAsync("Feed embargo article", SaveAction.Schedule, factory.UtcNow.AddDays(1), null);
        using var client = factory.CreateBrowser(https: true);
        Assert.DoesNotContain(slug, await client.GetStringAsync(new Uri("/ru/news/feed.atom", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_TypeWithoutAFeed_IsNotFound()
    {
        using var client = factory.CreateBrowser(https: true);
        using var response = await client.GetAsync(new Uri("/ru/about/feed.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/ru/news", "Новости Коалиции")]
    [InlineData("/en/events", "Trainings and seminars")]
    [InlineData("/tg/events/past", "Тренингҳо ва семинарҳое")]
    [InlineData("/ru/press", "Пресс-релизы Коалиции")]
    public async Task ListPage_HasADescriptionInItsLanguage(string path, string start)
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync(path);

        Assert.StartsWith(start, page.QuerySelector("meta[name=description]")?.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_HeadTags_DescribeTheItemInItsLanguage()
    {
        var slug = await factory.QueryDbAsync(db => Task.FromResult(db.Set<NewsArticle>()
            .Where(a => a.Culture == "en" && a.CoverMediaId != null && a.Status == PublicationStatus.Published && a.DeletedUtc == null)
            .OrderBy(a => a.Id).Select(a => a.Slug).First()));
        using var client = factory.CreateBrowser(https: true);
        var page = await client.GetDocumentAsync($"/en/news/{slug}?utm_source=x&page=1");

        Assert.Equal($"{Origin}/en/news/{slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), Meta("og:title"));
        Assert.False(string.IsNullOrEmpty(Meta("og:description")));
        Assert.Equal($"{Origin}/en/news/{slug}", Meta("og:url"));
        Assert.Equal("en_GB", Meta("og:locale"));
        Assert.Contains("ru_RU", page.QuerySelectorAll("meta[property='og:locale:alternate']").Select(m => m.GetAttribute("content")));
        Assert.Matches($"^{Origin}/media/[0-9a-f]+-1200\\.jpg$", Meta("og:image"));
        Assert.Equal("1200", Meta("og:image:width"));
        Assert.False(string.IsNullOrEmpty(Meta("og:image:alt")));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal(Meta("og:image"), Meta("twitter:image"));
        using var image = await client.GetAsync(new Uri(new Uri(Meta("og:image")!).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.Equal(Meta("og:title"), json.GetProperty("headline").GetString());
        Assert.Equal("en", json.GetProperty("inLanguage").GetString());
        Assert.Equal($"{Origin}/en/news/{slug}", json.GetProperty("url").GetString());
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("datePublished").GetString(), out _));
        Assert.Equal("Organization", json.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal(Meta("og:image"), json.GetProperty("image")[0].GetString());
    }

    [Fact]
    public async Task EventPage_JsonLd_IsAnEventWithDushanbeTimesAndAPlace()
    {
        var now = factory.UtcNow;
        var slug = await factory.QueryDbAsync(db => Task.FromResult(db.Set<Event>().VisibleToPublic(now)
            .Where(e => e.Culture == "ru").OrderBy(e => e.Id).Select(e => e.Slug).First()));
        using var client = factory.CreateBrowser(https: true);
        var page = await client.GetDocumentAsync($"/ru/events/{slug}");

        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.EndsWith("+05:00", json.GetProperty("startDate").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+05:00", json.GetProperty("endDate").GetString(), StringComparison.Ordinal);
        Assert.Equal("Place", json.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal($"{Origin}/ru/events/{slug}", json.GetProperty("url").GetString());
        Assert.Equal($"{Origin}/ru/events/{slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HomePage_HasOrganizationJsonLd_AndFeedLinks()
    {
        using var client = factory.CreateBrowser(https: true);
        var page = await client.GetDocumentAsync("/ru");

        Assert.Equal($"{Origin}/ru/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Organization", json.GetProperty("@type").GetString());
        Assert.Equal($"{Origin}/ru/", json.GetProperty("url").GetString());
        Assert.Contains("Коалиция", json.GetProperty("name").GetString(), StringComparison.Ordinal);
        var feeds = page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains($"{Origin}/ru/feed.atom", feeds);
        Assert.Contains($"{Origin}/ru/news/feed.atom", feeds);
        Assert.Equal("website", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/ru/news?page=1", "/ru/news")]
    [InlineData("/en/about?untranslated=1", "/en/about")]
    [InlineData("/tg/", "/tg/")]
    [InlineData("/en/search", "/en/search")]
    public async Task PublicPage_Canonical_KeepsOnlyThePageNumber(string path, string canonical)
    {
        using var client = factory.CreateBrowser(https: true);
        var page = await client.GetDocumentAsync(path);
        Assert.Equal(Origin + canonical, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ListPage_Canonical_KeepsAPageNumberAboveOne()
    {
        for (var i = 0; i < 11; i++)
        {
            await factory.CreateNewsAsync($"Paging article {i}", publish: true, culture: "tg");
        }

        using var client = factory.CreateBrowser(https: true);
        var page = await client.GetDocumentAsync("/tg/news?page=2&utm_campaign=x&untranslated=1");
        Assert.Equal($"{Origin}/tg/news?page=2", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Page_JsonLdWithMarkupInTheTitle_CannotCloseItsScript()
    {
        var (_, slug) = await factory.CreateNewsAsync("Title </script><script>alert(1)</script>", publish: true);
        using var client = factory.CreateBrowser(https: true);
        var html = await client.GetStringAsync(new Uri($"/ru/news/{slug}", UriKind.Relative));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/ru/news/{slug}");
        var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Title </script><script>alert(1)</script>", json.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/ru/sitemap.xml")]
    [InlineData("/ru/feed.atom")]
    [InlineData("/en/news/feed.atom")]
    [InlineData("/ru/")]
    [InlineData("/en/news")]
    [InlineData("/en/about")]
    public async Task AbsoluteLinks_ForgedHostHeader_NeverAppear(string path)
    {
        var slug = await factory.QueryDbAsync(db => Task.FromResult(db.Set<NewsArticle>().Where(a => a.Culture == "ru" && a.Status == PublicationStatus.Published).Select(a => a.Slug).First()));
        foreach (var url in new[] { path, $"/ru/news/{slug}" })
        {
            using var client = factory.CreateBrowser(https: true);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Host = "evil.example";
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(Origin, body, StringComparison.Ordinal);
        }
    }

    private async Task<string> CreateAsync(string title, SaveAction action, DateTime? at, DateTime? until)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>();
        var result = await editor.CreateAsync(new ContentInput("ru", title, null, null, "Text.", 0, at, until), action, null);
        Assert.True(result.Succeeded, result.Outcome.ToString());
        return (await editor.FindAsync(result.Id))!.Slug;
    }
}
