using System.Net;

namespace Coalition.IntegrationTests.Infrastructure;

public sealed class SecurityHeadersMiddlewareTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("/ru/", HttpStatusCode.OK)]
    [InlineData("/en/news/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("/no/such/path", HttpStatusCode.NotFound)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Redirect)]
    public async Task Response_AnyPage_CarriesTheSecurityHeaders(string url, HttpStatusCode status)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.NotNull(csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var scriptSrc = Directive(csp, "script-src") ?? Directive(csp, "default-src");
        Assert.NotNull(scriptSrc);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("*", scriptSrc, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "Server header present");
        Assert.False(response.Headers.Contains("X-Powered-By"), "X-Powered-By header present");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    public async Task Response_StaffPages_AreNeverCachedNorIndexed(string url)
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("noindex, nofollow", Header(response, "X-Robots-Tag"));
    }

    [Fact]
    public async Task Page_HasNoInlineScriptOrStyle()
    {
        using var client = factory.CreateBrowser();

        var document = await client.GetDocumentAsync("/ru/");

        // JSON-LD (issue 14) is a data block, never executed, which the CSP does not govern; any other script needs src.
        Assert.All(document.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.True(s.HasAttribute("src"), "inline <script> would be blocked by the CSP"));
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static string? Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries)
            .FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}
