using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Search;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>The search page as a visitor uses it: language-aware matches, safe highlights, paging, types, hostile input.</summary>
public sealed class SearchControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("ru", "Жалобы на применение пыток", "пытки")]
    [InlineData("ru", "Борьба с пытками в местах заключения", "пытки")]
    [InlineData("ru", "Пытка как преступление", "ПЫТКИ")]
    [InlineData("ru", "Ещё одно решение суда", "еще решение")]
    [InlineData("en", "Monitoring of court hearings", "monitor")]
    [InlineData("tg", "Ҳуқуқи инсон ва шиканҷа", "хукуки шиканча")]
    [InlineData("tg", "Хукуки инсон", "ҳуқуқи")]
    public async Task Index_AnotherFormOfTheWord_FindsTheItem(string culture, string title, string query)
    {
        var marker = "mq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
        var (_, slug) = await factory.CreateNewsAsync($"{title} {marker}", publish: true, culture: culture);

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/{culture}/search?q={Uri.EscapeDataString(query + " " + marker)}");

        var link = Assert.Single(page.QuerySelectorAll(".search-results h3 a"));
        Assert.Equal($"/{culture}/news/{slug}", link.GetAttribute("href"));
        Assert.NotEmpty(link.QuerySelectorAll("mark"));
    }

    [Fact]
    public async Task Index_MarkupInTheText_IsShownAsTextAndOnlyMatchesAreMarked()
    {
        var (_, slug) = await factory.CreateNewsAsync("Xssword <script>alert(1)</script> заголовок", publish: true,
            body: "Before xssword <img src=x onerror=alert(1)> after.");
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri("/ru/search?q=xssword", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var page = await response.ParseAsync();
        var hit = Assert.Single(page.QuerySelectorAll(".search-results li"));
        Assert.Contains("<script>alert(1)</script>", hit.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.All(hit.QuerySelectorAll("mark"), m => Assert.Equal("xssword", m.TextContent, ignoreCase: true));
        Assert.Empty(hit.QuerySelectorAll("script, img"));
        Assert.Equal($"/ru/news/{slug}", hit.QuerySelector("h3 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Index_ManyResults_ArePagedAndRanked_TitleFirst()
    {
        var word = "pq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
        for (var i = 0; i < 12; i++)
        {
            await factory.CreateNewsAsync($"Item {i}", publish: true, body: $"Text with {word} in it.");
        }

        var (_, titled) = await factory.CreateNewsAsync($"Title {word}", publish: true, body: $"Also {word}.");
        using var client = factory.CreateBrowser();

        var first = await client.GetDocumentAsync($"/ru/search?q={word}");
        Assert.Equal(10, first.QuerySelectorAll(".search-results > li").Length);
        Assert.Equal($"/ru/news/{titled}", first.QuerySelector(".search-results h3 a")!.GetAttribute("href"));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/ru/search?q={word}&page=2", next);

        var second = await client.GetDocumentAsync(next);
        Assert.Equal(3, second.QuerySelectorAll(".search-results > li").Length);
        Assert.Equal("11", second.QuerySelector(".search-results")!.GetAttribute("start"));
    }

    [Fact]
    public async Task Index_TypeFilter_KeepsOnlyThatType()
    {
        var word = "tq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
        await factory.CreateNewsAsync($"News {word}", publish: true);
        using var client = factory.CreateBrowser();

        Assert.Single((await client.GetDocumentAsync($"/ru/search?q={word}&type=news")).QuerySelectorAll(".search-results > li"));
        Assert.Empty((await client.GetDocumentAsync($"/ru/search?q={word}&type=pages")).QuerySelectorAll(".search-results > li"));
        Assert.Single((await client.GetDocumentAsync($"/ru/search?q={word}&type=unknown")).QuerySelectorAll(".search-results > li"));
    }

    [Fact]
    public async Task Index_NoQuery_ShowsTheEmptySearchPage()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/ru/search");
        Assert.NotNull(page.QuerySelector("form[role=search] input[name=q]"));
        Assert.Null(page.QuerySelector("#search-results"));
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "   ",
        new string('а', 201),
        string.Concat(Enumerable.Repeat("пытки ", 60)),
        "***",
        "?",
        "\"",
        "\"\"\"",
        "title:x*",
        "text_ru:*",
        "*:*",
        "AND OR NOT",
        "(((",
        ")",
        "[a TO z]",
        "{}",
        "~2",
        "a^100",
        "/regex.*/",
        "\\",
        "+-&&||!",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "\u0000\u0001",
        "\uE000match\uE001",
        "😀🔥",
        "ҳ",
        "ё",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Index_HostileQuery_AnswersWithResultsOrNothingFound(string query)
    {
        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri("/ru/search?q=" + Uri.EscapeDataString(query) + "&page=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var shown = page.QuerySelector("#search-q")!.GetAttribute("value") ?? "";
        Assert.True(shown.Length <= SiteSearch.MaxQueryLength);
        if (query.Trim().Length > 0)
        {
            Assert.NotNull(page.QuerySelector("#search-results"));
        }
    }

    [Fact]
    public async Task Index_OnlyPunctuation_SaysNothingFound()
    {
        using var client = factory.CreateBrowser("ru");
        var page = await client.GetDocumentAsync("/en/search?q=" + Uri.EscapeDataString("*** ?? \""));
        Assert.Contains("Nothing found", page.QuerySelector("#search-results + p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_TooLongQuery_IsShortenedWithANote()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/en/search?q=" + new string('x', 500));
        Assert.Equal(200, page.QuerySelector("#search-q")!.GetAttribute("value")!.Length);
        Assert.Contains("200", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_EveryPublicPage_HasASearchFieldThatWorksWithoutJavaScript()
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/tg/");
        var form = page.QuerySelector("header form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/tg/search", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
    }
}

/// <summary>Search is rate-limited per address: 429 with Retry-After and the error page in the visitor's language.</summary>
public sealed class SearchRateLimitTests(SearchRateLimitTests.LowSearchLimitFactory factory) : IClassFixture<SearchRateLimitTests.LowSearchLimitFactory>
{
    public sealed class LowSearchLimitFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["RateLimits:SearchPermitLimit"] = "3",
        ["RateLimits:SearchWindowSeconds"] = "600",
    });

    [Fact]
    public async Task Index_OverTheLimit_Answers429InTheVisitorsLanguage()
    {
        using var client = factory.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync(new Uri($"/ru/search?q=test{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/ru/search?q=again", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await refused.ParseAsync();
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Слишком много", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
