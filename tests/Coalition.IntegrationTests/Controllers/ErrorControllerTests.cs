using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Controllers;

public sealed class ErrorControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string SecretMarker = "simulated-failure-7f3a";

    [Fact]
    public async Task NotFound_InEnglish_ShowsTheEnglishPageNotFound()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/en/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await response.ParseAsync();
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page not found", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/en/", document.QuerySelector(".error-page a")?.GetAttribute("href"));
        Assert.Equal("noindex, nofollow", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task NotFound_InTajik_IsATajikPage()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/tg/news/no-such-article", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await response.ParseAsync();
        Assert.Equal("tg", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Саҳифа ёфт нашуд", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Ба саҳифаи асосӣ гузаред", document.QuerySelector(".error-page a")?.TextContent.Trim());
        Assert.Equal("/tg/", document.QuerySelector(".error-page a")?.GetAttribute("href"));
        Assert.Equal("Хабарҳо", document.QuerySelector(".main-nav a[href='/tg/news']")?.TextContent.Trim());
    }

    [Fact]
    public async Task ServerError_ShowsTheFriendlyPageWithoutExceptionDetails()
    {
        using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddScoped<ContentQueries>(_ => throw new InvalidOperationException(SecretMarker))));
        using var client = failing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/en/news", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(SecretMarker, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Coalition.Web.", html, StringComparison.Ordinal);
        var document = await response.ParseAsync();
        Assert.Equal("Something went wrong", document.QuerySelector("h1")?.TextContent.Trim());
    }
}
