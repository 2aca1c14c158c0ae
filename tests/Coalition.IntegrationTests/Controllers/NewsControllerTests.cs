using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Controllers;

public sealed class NewsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var client = factory.CreateBrowser();
        return await client.GetAsync(new Uri(url, UriKind.Relative));
    }

    private async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await GetAsync(url);
        return response.StatusCode;
    }

    private async Task<bool> IsListedAsync(string culture, string title)
    {
        using var client = factory.CreateBrowser();
        var list = await client.GetDocumentAsync($"/{culture}/news");
        return list.QuerySelectorAll(".card-title a").Any(a => a.TextContent.Trim() == title);
    }

    /// <summary>The value a datetime-local input of the admin form takes for <paramref name="utc"/>: Dushanbe time, to the minute.</summary>
    private static string FormTime(DateTime utc) => ContentFormViewModel.InputValue(DushanbeTime.ToLocal(utc))!;

    private DateTime NextWholeMinute() => new(factory.UtcNow.Ticks - (factory.UtcNow.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    /// <summary>Creates an English article through the admin form; returns its slug.</summary>
    private async Task<string> CreateThroughTheFormAsync(string title, string action, DateTime? publishAtUtc = null, DateTime? unpublishAtUtc = null)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var response = await editor.SubmitFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en",
            ["Title"] = title,
            ["Body"] = "Text of the article.",
            ["PublishAt"] = publishAtUtc is { } at ? FormTime(at) : "",
            ["UnpublishAt"] = unpublishAtUtc is { } until ? FormTime(until) : "",
            ["action"] = action,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Title == title));
        return stored.Slug;
    }

    [Fact]
    public async Task Index_ListsPublishedArticlesButNotDrafts()
    {
        var published = Unique("Суд над правозащитником");
        var draft = Unique("Неготовый текст");
        await factory.CreateNewsAsync(published, publish: true);
        await factory.CreateNewsAsync(draft, publish: false);
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync("/ru/news");

        Assert.Contains(published, document.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()));
        Assert.DoesNotContain(draft, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_OtherCulture_DoesNotListRussianArticles()
    {
        var title = Unique("Только по-русски");
        await factory.CreateNewsAsync(title, publish: true);
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync("/en/news");

        Assert.DoesNotContain(title, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_PublishedArticle_ShowsItsTitleAndRenderedBody()
    {
        var title = Unique("Доклад о пытках");
        var (_, slug) = await factory.CreateNewsAsync(title, publish: true, body: "Первый абзац с **важным** словом.");
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync($"/ru/news/{slug}");

        Assert.Equal(title, document.QuerySelector("article h1")?.TextContent.Trim());
        Assert.Equal("важным", document.QuerySelector(".prose strong")?.TextContent);
    }

    [Fact]
    public async Task Show_DraftSlug_Returns404()
    {
        var (_, slug) = await factory.CreateNewsAsync(Unique("Секретный черновик"), publish: false);

        using var response = await GetAsync($"/ru/news/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_ArticleInAnotherCulturesUrl_Returns404()
    {
        var (_, slug) = await factory.CreateNewsAsync(Unique("Русская новость"), publish: true);

        using var response = await GetAsync($"/en/news/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_UnknownSlug_Returns404()
    {
        using var response = await GetAsync($"/ru/news/no-such-article-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_OldSlugOfMovedArticle_RedirectsPermanentlyToTheNewOne()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var (id, _) = await factory.CreateNewsAsync("Report", publish: true, slug: $"old-{suffix}");
        var moved = await factory.QueryAsync(sp => sp.GetRequiredService<ContentEditor<NewsArticle>>()
            .UpdateAsync(id, new ContentInput("ru", "Report", $"new-{suffix}", null, "Text", 1), SaveAction.Publish, userId: null));
        Assert.True(moved.Succeeded);

        using var response = await GetAsync($"/ru/news/old-{suffix}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/ru/news/new-{suffix}", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/ru/news?page=0")]
    [InlineData("/ru/news?page=-1")]
    [InlineData("/ru/news?page=9999")]
    [InlineData("/xx/news")]
    public async Task Index_PageOrCultureOutOfRange_Returns404(string url)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Show_ScheduledThroughTheAdminForm_404UntilItsTimeThen200AndListed()
    {
        var title = Unique("Scheduled statement");
        var goesLive = NextWholeMinute().AddHours(2);
        var slug = await CreateThroughTheFormAsync(title, "schedule", publishAtUtc: goesLive);
        Assert.Equal(goesLive, await factory.QueryDbAsync(db => db.News.Where(n => n.Slug == slug).Select(n => n.PublishedUtc).SingleAsync()));

        factory.Clock.Advance(goesLive - factory.UtcNow - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/en/news/{slug}"));
        Assert.False(await IsListedAsync("en", title));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/en/news/{slug}"));
        Assert.True(await IsListedAsync("en", title));
    }

    [Fact]
    public async Task Show_UnpublishAtSetInTheAdminForm_VisibleBeforeAnd404After()
    {
        var title = Unique("Campaign that ends");
        var ends = NextWholeMinute().AddHours(1);
        var slug = await CreateThroughTheFormAsync(title, "publish", unpublishAtUtc: ends);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/en/news/{slug}"));

        factory.Clock.Advance(ends - factory.UtcNow - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/en/news/{slug}"));
        Assert.True(await IsListedAsync("en", title));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/en/news/{slug}"));
        Assert.False(await IsListedAsync("en", title));
    }
}
