using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Views.Shared;

/// <summary>The frame of every public page (navigation, footer, dates) is in the language of the URL.</summary>
public sealed class LayoutTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("ru", "Новости", "Главная", "Финансируется Европейским союзом")]
    [InlineData("tg", "Хабарҳо", "Асосӣ", "Аз ҷониби Иттиҳоди Аврупо маблағгузорӣ мешавад")]
    [InlineData("en", "News", "Home", "Funded by the European Union")]
    public async Task Layout_EachCulture_NavigationAndFooterInThatLanguage(string culture, string news, string home, string funded)
    {
        using var client = factory.CreateBrowser(acceptLanguage: "de");

        foreach (var url in new[] { $"/{culture}/", $"/{culture}/news" })
        {
            var page = await client.GetDocumentAsync(url);

            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(news, page.Text($".main-nav a[href='/{culture}/news']"));
            Assert.Equal(home, page.Text($".main-nav a[href='/{culture}']"));
            Assert.Equal(funded, page.Text(".site-footer .eu-funding strong"));
            Assert.Equal($"/{culture}/disclaimer", page.QuerySelector(".site-footer .eu-funding a")?.GetAttribute("href"));
        }
    }

    [Theory]
    [InlineData("ru", "5 мая 2026")]
    [InlineData("tg", "5 майи 2026")]
    [InlineData("en", "5 May 2026")]
    public async Task Dates_EachCulture_InThatLanguageAndInDushanbeTime(string culture, string expected)
    {
        // 20:30 UTC on 4 May is 01:30 on 5 May in Dushanbe (UTC+5).
        var publishedUtc = new DateTime(2026, 5, 4, 20, 30, 0, DateTimeKind.Utc);
        var title = $"Dated {culture} {Guid.NewGuid():N}";
        var (id, slug) = await factory.CreateNewsAsync(title, publish: true, culture: culture);
        await factory.ExecuteDbAsync(db => db.News.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.PublishedUtc, publishedUtc)));
        using var client = factory.CreateBrowser();

        var list = await client.GetDocumentAsync($"/{culture}/news");
        var article = await client.GetDocumentAsync($"/{culture}/news/{slug}");

        var card = Assert.Single(list.QuerySelectorAll(".card"), c => c.Text(".card-title") == title);
        Assert.Equal(expected, card.Text("time"));
        Assert.Equal("2026-05-05", card.QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Equal(expected, article.Text("article header time"));
        Assert.Equal(culture, article.DocumentElement.GetAttribute("lang"));
    }
}
