using System.Net;
using System.Net.Http.Headers;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Caching;

/// <summary>
/// Anonymous public pages come from the output cache (a cached answer carries an <c>Age</c> header); every change
/// evicts exactly the pages that show it, time-driven changes need no eviction, and staff never see or fill the cache.
/// </summary>
public sealed class OutputCacheTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task PublicPage_SecondRequest_ComesFromTheCache_WithShortBrowserCaching()
    {
        using var visitor = factory.CreateBrowser();
        using var first = await visitor.GetAsync(new Uri("/en/disclaimer", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri("/en/disclaimer", UriKind.Relative));

        Assert.False(first.Headers.Age.HasValue);
        Assert.True(second.Headers.Age.HasValue, "the second request was not served from the cache");
        Assert.Equal("no-cache", second.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Publish_ShowsAtOnceOnListAndHome_AndEvictsNothingElse()
    {
        using var visitor = factory.CreateBrowser();
        await WarmAsync(visitor, "/ru/news", "/ru/", "/ru/about", "/en/news");
        var title = "Кэш " + Guid.NewGuid().ToString("N")[..8];
        var (id, slug) = await factory.CreateNewsAsync(title, publish: false);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        await SubmitAsync(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/publish");

        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/ru/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await CachedAsync(visitor, "/ru/about"), "a page that does not show the article was evicted");
        Assert.True(await CachedAsync(visitor, "/en/news"), "another language's list was evicted");

        // Edit of the live item, then unpublish, then trash, then restore: each shows at once.
        await WarmAsync(visitor, $"/ru/news/{slug}");
        await SubmitAsync(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/edit", new() { ["Title"] = title + " исправлено", ["action"] = "publish" });
        Assert.Contains(title + " исправлено", await visitor.GetStringAsync(new Uri($"/ru/news/{slug}", UriKind.Relative)), StringComparison.Ordinal);

        await SubmitAsync(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/unpublish");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/ru/news/{slug}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);

        await SubmitAsync(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/publish");
        await WarmAsync(visitor, "/ru/news");
        await SubmitAsync(editor, $"/admin/news/{id}/delete", $"/admin/news/{id}/delete");
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);

        await SubmitAsync(editor, "/admin/news/trash", $"/admin/news/{id}/restore");
        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftOfALiveItem_EvictsNothing_ThePublicKeepsTheCachedVersion()
    {
        using var visitor = factory.CreateBrowser();
        var (id, slug) = await factory.CreateNewsAsync("Живой материал " + Guid.NewGuid().ToString("N")[..6], publish: true);
        await WarmAsync(visitor, $"/ru/news/{slug}");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        await SubmitAsync(editor, $"/admin/news/{id}/edit", $"/admin/news/{id}/edit", new() { ["Title"] = "Черновик", ["action"] = "draft" });

        Assert.True(await CachedAsync(visitor, $"/ru/news/{slug}"));
    }

    [Fact]
    public async Task TranslationLinkAndUnlink_UpdateTheOtherLanguagesHreflangAtOnce()
    {
        using var visitor = factory.CreateBrowser();
        var (ru, ruSlug) = await factory.CreateNewsAsync("Связь переводов " + Guid.NewGuid().ToString("N")[..6], publish: true);
        var (en, _) = await factory.CreateNewsAsync("Linked translations " + Guid.NewGuid().ToString("N")[..6], publish: true, culture: "en");
        await WarmAsync(visitor, $"/ru/news/{ruSlug}");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        await SubmitAsync(editor, $"/admin/news/{en}/edit", $"/admin/news/{en}/link", new() { ["targetId"] = ru.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var linked = await visitor.GetDocumentAsync($"/ru/news/{ruSlug}");
        Assert.NotNull(linked.QuerySelector("link[rel=alternate][hreflang=en]"));

        await SubmitAsync(editor, $"/admin/news/{en}/edit", $"/admin/news/{en}/unlink");
        var unlinked = await visitor.GetDocumentAsync($"/ru/news/{ruSlug}");
        Assert.Null(unlinked.QuerySelector("link[rel=alternate][hreflang=en]"));
    }

    [Fact]
    public async Task FixedPageEdit_ShowsAtOnce()
    {
        using var visitor = factory.CreateBrowser();
        await WarmAsync(visitor, "/tg/contacts");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.QueryDbAsync(db => db.Pages.Where(p => p.Slug == "contacts" && p.Culture == "tg").Select(p => p.Id).FirstAsync());

        await SubmitAsync(editor, $"/admin/pages/{id}/edit", $"/admin/pages/{id}/edit", new() { ["Body"] = "Суроғаи нав: info@example.org", ["action"] = "publish" });

        Assert.Contains("Суроғаи нав", await visitor.GetStringAsync(new Uri("/tg/contacts", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledAndUnpublishAt_ChangeTheCachedListAtTheirMinute_WithNoEviction()
    {
        using var visitor = factory.CreateBrowser();
        var title = "По расписанию " + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await factory.CreateNewsAsync(title, publish: false);
        var goesLive = factory.UtcNow.AddMinutes(30);
        await factory.ExecuteDbAsync(db => db.News.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, PublicationStatus.Published)
            .SetProperty(n => n.PublishedUtc, goesLive)
            .SetProperty(n => n.UnpublishUtc, goesLive.AddMinutes(30))));
        // Written behind the editor's back: the schedule is worked out again only when content changes or time passes.
        await factory.QueryAsync(sp => { sp.GetRequiredService<Coalition.Web.Features.Caching.ContentSchedule>().Invalidate(); return Task.FromResult(0); });

        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await CachedAsync(visitor, "/ru/news"));

        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleSavedOnAnotherInstance_IsHonouredWithinTheRecheck_WithNoEventHere()
    {
        using var visitor = factory.CreateBrowser();
        var title = "С другого экземпляра " + Guid.NewGuid().ToString("N")[..6];
        var (id, _) = await factory.CreateNewsAsync(title, publish: false);
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await CachedAsync(visitor, "/ru/news"));

        // Another instance schedules the article: this one gets no event, and its cached list knows no such moment.
        var goesLive = factory.UtcNow.AddMinutes(5);
        await factory.ExecuteDbAsync(db => db.News.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, PublicationStatus.Published)
            .SetProperty(n => n.PublishedUtc, goesLive)));

        factory.Clock.Advance(Coalition.Web.Features.Caching.ContentSchedule.Recheck);
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains(title, await visitor.GetStringAsync(new Uri("/ru/news", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AltTextEdit_ShowsAtOnceOnTheArticleThatUsesTheImage()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using (var upload = await CoalitionAppFactory.UploadAsync(editor, Coalition.Tests.Media.MediaFixtures.Jpeg(), "cover.jpg", altEn: "First words"))
        {
            Assert.True((int)upload.StatusCode < 400);
        }

        var mediaId = await factory.QueryDbAsync(db => db.Media.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
        var slug = "alt-" + Guid.NewGuid().ToString("N")[..8];
        using (var created = await editor.PostFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en", ["Title"] = "Alt text test", ["Slug"] = slug, ["Body"] = "Text.", ["action"] = "publish",
            ["Fields.CoverMediaId"] = mediaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var visitor = factory.CreateBrowser();
        Assert.Contains("First words", await visitor.GetStringAsync(new Uri($"/en/news/{slug}", UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await CachedAsync(visitor, $"/en/news/{slug}"));

        await SubmitAsync(editor, $"/admin/media/{mediaId}", $"/admin/media/{mediaId}/alt", new() { ["AltEn"] = "Better words" });

        Assert.Contains("Better words", await visitor.GetStringAsync(new Uri($"/en/news/{slug}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_ChangesThePlacesLeftOnTheCachedEventList()
    {
        var (_, slug, _) = await Coalition.IntegrationTests.Features.Events.EventFixtures.CreateEventAsync(factory, culture: "en", capacity: 5);
        using var visitor = factory.CreateBrowser("en");
        var before = await visitor.GetDocumentAsync("/en/events");
        var card = before.QuerySelectorAll("li, article").First(e => e.InnerHtml.Contains(slug, StringComparison.Ordinal) && e.TextContent.Contains('5'));
        Assert.True(await CachedAsync(visitor, "/en/events"));

        using (var registered = await Coalition.IntegrationTests.Features.Events.EventFixtures.RegisterAsync(visitor, "en", slug, Coalition.IntegrationTests.Features.Events.EventFixtures.NewEmail()))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using var after = await visitor.GetAsync(new Uri("/en/events", UriKind.Relative));
        Assert.False(after.Headers.Age.HasValue, "the list was not evicted when its places changed");
        var page = await after.ParseAsync();
        var changed = page.QuerySelectorAll("li, article").First(e => e.InnerHtml.Contains(slug, StringComparison.Ordinal) && e.TagName == card.TagName);
        Assert.Contains('4', changed.TextContent);
    }

    [Fact]
    public async Task SignedInStaff_NeverGetACachedPage_AndNeverFillTheCache()
    {
        using var visitor = factory.CreateBrowser();
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var path = "/en/about";

        using (var staffFirst = await editor.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.False(staffFirst.Headers.Age.HasValue);
        }

        using (var anonymousFirst = await visitor.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.False(anonymousFirst.Headers.Age.HasValue, "the editor's request filled the cache");
        }

        Assert.True(await CachedAsync(visitor, path));
        using var staffAgain = await editor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.False(staffAgain.Headers.Age.HasValue, "an editor was served from the cache");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/health")]
    public async Task NonPublicPages_AreNeverCached(string path)
    {
        using var visitor = factory.CreateBrowser();
        await visitor.GetAsync(new Uri(path, UriKind.Relative));
        using var again = await visitor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.False(again.Headers.Age.HasValue);
    }

    [Fact]
    public async Task PageWithAForm_IsNotStored_TwoVisitorsGetTheirOwnTokensAndBothSubmit()
    {
        // The sign-in page stands for every page with a form: a token is per visitor, so such a page is never stored.
        using var one = factory.CreateBrowser();
        using var two = factory.CreateBrowser();
        var tokenOne = await one.GetAntiforgeryTokenAsync("/account/forgot-password");
        var tokenTwo = await two.GetAntiforgeryTokenAsync("/account/forgot-password");
        Assert.NotEqual(tokenOne, tokenTwo);
        using var sentOne = await one.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = "nobody@example.org" });
        using var sentTwo = await two.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = "nobody@example.org" });
        Assert.True((int)sentOne.StatusCode < 400 && (int)sentTwo.StatusCode < 400);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task PublicPages_AreCompressedForClientsThatAsk_AndVaryOnAcceptEncoding(string accept, string expected)
    {
        using var visitor = factory.CreateBrowser();
        foreach (var attempt in new[] { 1, 2 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/en/about");
            request.Headers.AcceptEncoding.ParseAdd(accept);
            using var response = await visitor.SendAsync(request);
            Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            if (attempt == 2)
            {
                Assert.True(response.Headers.Age.HasValue, "the compressed page was not served from the cache");
            }
        }

        using var plain = await visitor.GetAsync(new Uri("/en/about", UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task StaticAssets_AreVersionedAndImmutable()
    {
        using var visitor = factory.CreateBrowser();
        var page = await visitor.GetDocumentAsync("/en/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", css);

        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await visitor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        // The precompressed variants are negotiated from the published output (bench/run.sh checks br and gzip there);
        // from the build output the tests run on, the framework serves the plain file.
    }

    private static async Task WarmAsync(HttpClient visitor, params string[] paths)
    {
        foreach (var path in paths)
        {
            using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<bool> CachedAsync(HttpClient visitor, string path)
    {
        using var response = await visitor.GetAsync(new Uri(path, UriKind.Relative));
        return response.Headers.Age.HasValue;
    }

    private static async Task SubmitAsync(HttpClient editor, string page, string action, Dictionary<string, string>? changes = null)
    {
        using var response = await editor.SubmitFormAsync(page, action, changes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
