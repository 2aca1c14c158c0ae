using System.Net;
using System.Text.RegularExpressions;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Areas.Admin;

/// <summary>Every endpoint of the admin area, found in the app's own routing table, turns an anonymous visitor away.</summary>
public sealed partial class AdminAuthorizationTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private List<(string Method, string Path)> AdminEndpoints() =>
        factory.Endpoints()
            .Where(e => e.Area == "Admin")
            .Select(e => (e.Method == "*" ? "GET" : e.Method, RouteParameter().Replace(e.Pattern, "1")))
            .Distinct()
            .ToList();

    [Fact]
    public void AdminEndpoints_AreFoundInTheRoutingTable()
    {
        var endpoints = AdminEndpoints();

        // The known ones, so that a broken discovery cannot make the test below pass on nothing.
        Assert.Contains(("GET", "/admin"), endpoints);
        Assert.Contains(("GET", "/admin/news/create"), endpoints);
        Assert.Contains(("POST", "/admin/news/create"), endpoints);
        Assert.Contains(("POST", "/admin/news/1/edit"), endpoints);
        Assert.Contains(("POST", "/admin/news/1/delete"), endpoints);
        Assert.Contains(("GET", "/admin/pages/1/preview"), endpoints);
        Assert.All(endpoints, e => Assert.StartsWith("/admin", e.Path, StringComparison.Ordinal));
    }

    // Every admin action redirecting an anonymous visitor: AdminAreaAuthorizationTests.

    [Fact]
    public async Task AdminEndpoint_Anonymous_ComesBackAfterSignIn()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/admin/news?culture=en", UriKind.Relative));

        Assert.Equal("/account/login", response.RedirectPath());
        Assert.Contains("returnUrl=%2Fadmin%2Fnews%3Fculture%3Den", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPosts_ChangeNothing()
    {
        var (id, _) = await factory.CreateNewsAsync($"Stays published {Guid.NewGuid():N}", publish: true);
        using var client = factory.CreateBrowser();

        (await client.PostWithoutTokenAsync($"/admin/news/{id}/unpublish", [])).Dispose();
        (await client.PostWithoutTokenAsync($"/admin/news/{id}/delete", [])).Dispose();

        var stored = await factory.QueryDbAsync(db => Task.FromResult(db.News.Where(n => n.Id == id).Select(n => new { n.Status, n.DeletedUtc }).Single()));
        Assert.Equal(Coalition.Data.Entities.PublicationStatus.Published, stored.Status);
        Assert.Null(stored.DeletedUtc);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
