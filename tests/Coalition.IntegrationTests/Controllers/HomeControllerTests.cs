using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Localization;

namespace Coalition.IntegrationTests.Controllers;

public sealed class HomeControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("en", "/en/")]
    [InlineData("tg-TJ, ru;q=0.5", "/tg/")]
    [InlineData("tg, ru;q=0.8", "/tg/")]
    [InlineData("de, ru;q=0.8, tg;q=0.5", "/ru/")]
    [InlineData("de-DE", "/ru/")]
    [InlineData(null, "/ru/")]
    public async Task Root_AcceptLanguage_RedirectsToThatCulture(string? acceptLanguage, string expected)
    {
        using var client = factory.CreateBrowser(acceptLanguage);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Root_AfterChoosingALanguage_RemembersItOverTheBrowser()
    {
        using var client = factory.CreateBrowser("en");
        using var choice = await client.GetAsync(new Uri("/language/tg?returnUrl=/tg/news", UriKind.Relative));
        Assert.Equal("/tg/news", choice.Headers.Location?.OriginalString);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/tg/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Language_ExplicitChoice_SetsTheCookieAndRootGoesThere()
    {
        using var client = factory.CreateBrowser("ru");

        using var choice = await client.GetAsync(new Uri("/language/en?returnUrl=/en/", UriKind.Relative));
        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, choice.StatusCode);
        Assert.Equal("/en/", choice.Headers.Location?.OriginalString);
        var cookie = Assert.Single(choice.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SiteCultures.CookieName + "=", StringComparison.Ordinal));
        Assert.StartsWith($"{SiteCultures.CookieName}=en;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/en/", root.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https:evil.example")]
    public async Task Language_ForeignReturnUrl_StaysOnTheSite(string returnUrl)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/language/en?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Language_UnknownCode_Returns404AndSetsNoCookie()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/language/de?returnUrl=/ru/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SiteCultures.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Index_ShowsPublishedNewsOnly()
    {
        var published = $"Опубликовано {Guid.NewGuid():N}";
        var draft = $"Черновик {Guid.NewGuid():N}";
        await factory.CreateNewsAsync(published, publish: true);
        await factory.CreateNewsAsync(draft, publish: false);
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync("/ru/");

        var titles = document.QuerySelectorAll(".card-title").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(published, titles);
        Assert.DoesNotContain(draft, document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ru", document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/ru")]
    [InlineData("/tg/")]
    [InlineData("/en/")]
    public async Task Index_EachCulture_Returns200InThatLanguage(string url)
    {
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync(url);

        Assert.Equal(url.Trim('/'), document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/xx/")]
    [InlineData("/RU-ru/")]
    [InlineData("/de/news")]
    public async Task UnknownCulture_Returns404(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
