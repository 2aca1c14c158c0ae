using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 6: every absolute URL comes from <c>Site:PublicBaseUrl</c>, never from the Host header. Rows are the
/// places that write one; each is requested with <c>Host: evil.example</c> on a real Kestrel port.
/// </summary>
public sealed class PublicUrlTests(KestrelAppFactory factory) : IClassFixture<KestrelAppFactory>
{
    private const string Evil = "evil.example";

    public static TheoryData<string> Places() => ["sign-in redirect", "access-denied redirect", "hreflang links", "share link"];

    [Theory]
    [MemberData(nameof(Places))]
    public async Task AbsoluteUrl_WithAHostileHostHeader_ComesFromTheConfiguredBase(string place)
    {
        var urls = await AbsoluteUrlsAsync(place);

        Assert.NotEmpty(urls);
        Assert.All(urls, u =>
        {
            Assert.DoesNotContain(Evil, u, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("http://localhost/", u, StringComparison.Ordinal);
        });
    }

    private async Task<IReadOnlyList<string>> AbsoluteUrlsAsync(string place)
    {
        switch (place)
        {
            case "sign-in redirect":
            {
                using var visitor = factory.SocketBrowser("en");
                using var response = await SendAsync(visitor, HttpMethod.Get, "/admin");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                return [response.Headers.Location!.OriginalString];
            }

            case "access-denied redirect":
            {
                using var nobody = await factory.SignedInSocketAsync(await factory.CreateStaffAsync(null));
                using var response = await SendAsync(nobody, HttpMethod.Get, "/admin");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                return [response.Headers.Location!.OriginalString];
            }

            case "hreflang links":
            {
                var (_, slug) = await factory.CreateNewsAsync($"Hreflang {Guid.NewGuid():N}", publish: true, culture: "ru");
                using var visitor = factory.SocketBrowser("ru");
                using var response = await SendAsync(visitor, HttpMethod.Get, $"/ru/news/{slug}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = await response.ParseAsync();
                return page.QuerySelectorAll("link[hreflang]").Select(l => l.GetAttribute("href")!).ToList();
            }

            default:
            {
                var (id, _) = await factory.CreateNewsAsync($"Share {Guid.NewGuid():N}", publish: false, culture: "en");
                using var editor = await factory.SignedInSocketAsync(await factory.CreateStaffAsync(Roles.Editor));
                var token = await editor.GetAntiforgeryTokenAsync($"/admin/news/{id}/edit");
                using var created = await SendAsync(editor, HttpMethod.Post, $"/admin/news/{id}/share",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["days"] = "3", ["__RequestVerificationToken"] = token }));
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                using var edit = await SendAsync(editor, HttpMethod.Get, $"/admin/news/{id}/edit");
                var page = await edit.ParseAsync();
                return [page.QuerySelector("input#share-url")!.GetAttribute("value")!];
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = Evil;
        return await client.SendAsync(request);
    }
}

/// <summary>Production settings (issue 19, items 6, 8 and 13): the base URL is required, AllowedHosts follows it, and an https base gives __Host- cookies.</summary>
public sealed class ProductionSiteTests : IDisposable
{
    private readonly ProductionAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Start_InProductionWithoutAPublicBaseUrl_FailsNamingTheSetting()
    {
        using var unconfigured = new ProductionAppFactory(baseUrl: null);

        var error = Assert.ThrowsAny<Exception>(() => unconfigured.CreateClient());

        Assert.Contains("Site:PublicBaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("portal.example.org", HttpStatusCode.OK)]
    public async Task Request_InProduction_OnlyForTheConfiguredHost(string host, HttpStatusCode expected)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.org"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ru/");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        await HostileAssert.StatusAsync(expected, response);
    }

    [Fact]
    public async Task Cookies_WithAnHttpsBase_CarryTheHostPrefixSecureAndStrict()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example.org"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("coalition.af", StringComparison.Ordinal));
        Assert.StartsWith("__Host-coalition.af=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
        var options = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        Assert.Equal("__Host-coalition.auth", options.Cookie.Name);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, options.Cookie.SameSite);
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
    }

    /// <summary>The app as deployed: environment Production, an https public address, AllowedHosts left at "*".</summary>
    private sealed class ProductionAppFactory(string? baseUrl = "https://portal.example.org") : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Site:PublicBaseUrl"] = baseUrl ?? "",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
