using System.Net;
using AngleSharp.Html.Dom;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.ViewComponents;

/// <summary>
/// The language switcher and the hreflang links: a translated item leads to its translation, an untranslated one to
/// the section in the other language with a note, and no switcher link ever ends on a 404. On the demo site, so that
/// About, Contacts and the disclaimer exist.
/// </summary>
public sealed class LanguageSwitcherViewComponentTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    private const string Origin = "http://localhost";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    /// <summary>Where the switcher's link to <paramref name="culture"/> returns to, decoded.</summary>
    private static string? SwitcherTarget(IHtmlDocument page, string culture)
    {
        var href = page.QuerySelector($".lang-switcher a[hreflang={culture}]")?.GetAttribute("href");
        if (href is null)
        {
            return null;
        }

        const string Prefix = "?returnUrl=";
        Assert.StartsWith($"/language/{culture}{Prefix}", href, StringComparison.Ordinal);
        return Uri.UnescapeDataString(href[(href.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length)..]);
    }

    private static Dictionary<string, string> Hreflangs(IHtmlDocument page) =>
        page.QuerySelectorAll("head link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

    private async Task<(string RuSlug, string EnSlug)> CreateRussianWithEnglishAsync()
    {
        var (ruId, ruSlug) = await factory.CreateNewsAsync(Unique("Переведённая новость"), publish: true, culture: "ru");
        var (_, enSlug) = await factory.TranslateNewsAsync(ruId, "en", Unique("Translated story"));
        return (ruSlug, enSlug);
    }

    [Fact]
    public async Task Switcher_TranslatedArticle_LeadsToTheTranslation()
    {
        var (ruSlug, enSlug) = await CreateRussianWithEnglishAsync();
        using var client = factory.CreateBrowser();

        var russian = await client.GetDocumentAsync($"/ru/news/{ruSlug}");
        var english = await client.GetDocumentAsync($"/en/news/{enSlug}");

        Assert.Equal($"/en/news/{enSlug}", SwitcherTarget(russian, "en"));
        Assert.Equal($"/ru/news/{ruSlug}", SwitcherTarget(english, "ru"));
        Assert.Equal("/tg/news?untranslated=1", SwitcherTarget(russian, "tg"));
        Assert.Equal("ru", russian.QuerySelector(".lang-switcher [aria-current]")?.GetAttribute("lang"));
        Assert.Null(SwitcherTarget(russian, "ru"));
    }

    [Theory]
    [InlineData("en", "The page you came from has not been translated into this language yet.")]
    [InlineData("tg", "Саҳифае, ки шумо аз он омадед, ҳанӯз ба ин забон тарҷума нашудааст.")]
    public async Task Switcher_ArticleOnlyInRussian_LeadsToTheSectionWithTheNotTranslatedNote(string culture, string note)
    {
        var (_, slug) = await factory.CreateNewsAsync(Unique("Только по-русски"), publish: true, culture: "ru");
        using var client = factory.CreateBrowser();
        var article = await client.GetDocumentAsync($"/ru/news/{slug}");

        var target = SwitcherTarget(article, culture);
        using var choice = await client.GetAsync(new Uri(article.QuerySelector($".lang-switcher a[hreflang={culture}]")!.GetAttribute("href")!, UriKind.Relative));
        using var landing = await client.FollowAsync(choice);

        Assert.Equal($"/{culture}/news?untranslated=1", target);
        Assert.Equal(target, choice.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        var page = await landing.ParseAsync();
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(note, page.Text("main .notice"));
    }

    [Fact]
    public async Task Switcher_SectionWithoutTheNote_ShowsNoNote()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetDocumentAsync("/en/news");

        Assert.Null(page.QuerySelector("main .notice"));
    }

    [Fact]
    public async Task Switcher_OnEveryKindOfPage_NeverLeadsToA404()
    {
        var (ruSlug, enSlug) = await CreateRussianWithEnglishAsync();
        var (_, onlyRussian) = await factory.CreateNewsAsync(Unique("Одна версия"), publish: true, culture: "ru");
        // More Russian news than fit on one page, so that /ru/news?page=2 exists; other languages have fewer.
        for (var i = 0; i < 11; i++)
        {
            await factory.CreateNewsAsync(Unique($"Новость {i}"), publish: true, culture: "ru");
        }

        var pages = new[]
        {
            "/ru/", "/tg/", "/en", "/ru/news", "/tg/news", "/ru/news?page=2", "/ru/news?untranslated=1",
            $"/ru/news/{ruSlug}", $"/en/news/{enSlug}", $"/ru/news/{onlyRussian}",
            "/ru/about", "/tg/contacts", "/en/disclaimer",
        };
        using var client = factory.CreateBrowser();
        var failures = new List<string>();
        var followed = 0;

        foreach (var url in pages)
        {
            var page = await client.GetDocumentAsync(url);
            foreach (var href in page.QuerySelectorAll(".lang-switcher a[href]").Select(a => a.GetAttribute("href")!))
            {
                followed++;
                using var choice = await client.GetAsync(new Uri(href, UriKind.Relative));
                using var landing = await client.FollowAsync(choice);
                if (landing.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"on {url}: {href} → {choice.Headers.Location} answered {(int)landing.StatusCode}");
                }
            }
        }

        Assert.Equal(pages.Length * 2, followed);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Hreflang_TranslatedArticle_OneAbsoluteLinkPerTranslationAndXDefault()
    {
        var (ruSlug, enSlug) = await CreateRussianWithEnglishAsync();
        using var client = factory.CreateBrowser();

        foreach (var url in new[] { $"/ru/news/{ruSlug}", $"/en/news/{enSlug}" })
        {
            var links = Hreflangs(await client.GetDocumentAsync(url));

            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["ru"] = $"{Origin}/ru/news/{ruSlug}",
                    ["en"] = $"{Origin}/en/news/{enSlug}",
                    ["x-default"] = $"{Origin}/ru/news/{ruSlug}",
                },
                links);
        }
    }

    [Fact]
    public async Task Hreflang_TranslationStillADraft_IsLeftOut()
    {
        var (ruId, ruSlug) = await factory.CreateNewsAsync(Unique("Перевод в работе"), publish: true, culture: "ru");
        await factory.TranslateNewsAsync(ruId, "tg", Unique("Тарҷума"), publish: false);
        using var client = factory.CreateBrowser();

        var page = await client.GetDocumentAsync($"/ru/news/{ruSlug}");

        Assert.Equal(["ru", "x-default"], Hreflangs(page).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/tg/news?untranslated=1", SwitcherTarget(page, "tg"));
    }

    [Fact]
    public async Task Hreflang_ArticleWithoutARussianVersion_DefaultsToAnExistingOne()
    {
        var (_, slug) = await factory.CreateNewsAsync(Unique("English only"), publish: true, culture: "en");
        using var client = factory.CreateBrowser();

        var links = Hreflangs(await client.GetDocumentAsync($"/en/news/{slug}"));

        Assert.Equal(
            new Dictionary<string, string> { ["en"] = $"{Origin}/en/news/{slug}", ["x-default"] = $"{Origin}/en/news/{slug}" },
            links);
    }

    [Theory]
    [InlineData("/ru/news", "/news")]
    [InlineData("/tg/", "/")]
    [InlineData("/en/about", "/about")]
    public async Task Hreflang_SectionPage_AllThreeLanguages(string url, string rest)
    {
        using var client = factory.CreateBrowser();

        var links = Hreflangs(await client.GetDocumentAsync(url));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["ru"] = $"{Origin}/ru{rest}",
                ["tg"] = $"{Origin}/tg{rest}",
                ["en"] = $"{Origin}/en{rest}",
                ["x-default"] = $"{Origin}/ru{rest}",
            },
            links);
    }

    [Fact]
    public async Task Hreflang_StaffPage_HasNone()
    {
        using var client = factory.CreateBrowser();

        var page = await client.GetDocumentAsync("/account/login");

        Assert.Empty(page.QuerySelectorAll("link[rel=alternate]"));
    }
}
