using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Demo;

public sealed class DemoContentSeederTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    [Theory]
    [InlineData("ru")]
    [InlineData("tg")]
    [InlineData("en")]
    public async Task DemoSeed_EachCulture_HasNewsAndTheFixedPages(string culture)
    {
        using var client = factory.CreateBrowser();

        var news = await client.GetDocumentAsync($"/{culture}/news");
        Assert.NotEmpty(news.QuerySelectorAll(".card-title a"));
        foreach (var key in new[] { "about", "contacts", "disclaimer" })
        {
            using var page = await client.GetAsync(new Uri($"/{culture}/{key}", UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"/{culture}/{key}: {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task DemoSeed_EveryArticleSlug_Answers200()
    {
        var slugs = await factory.QueryDbAsync(db => db.News.AsNoTracking().Select(n => new { n.Culture, n.Slug }).ToListAsync());
        using var client = factory.CreateBrowser();

        Assert.NotEmpty(slugs);
        foreach (var item in slugs)
        {
            using var response = await client.GetAsync(new Uri($"/{item.Culture}/news/{item.Slug}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/{item.Culture}/news/{item.Slug}: {(int)response.StatusCode}");
        }
    }
}
