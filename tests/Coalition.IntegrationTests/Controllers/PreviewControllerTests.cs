using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>Share links: made on the edit page, opened by someone without an account, until revoked or expired.</summary>
public sealed class PreviewControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string EditUrl(int id) => $"/admin/news/{id}/edit";

    /// <summary>Creates a share link through the edit page's form and reads its address there, as the editor would copy it.</summary>
    private static async Task<string> ShareAsync(HttpClient editor, int id, int days)
    {
        using var created = await editor.SubmitFormAsync(EditUrl(id), $"/admin/news/{id}/share", new() { ["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(EditUrl(id), created.Headers.Location?.OriginalString);
        using var edit = await editor.FollowAsync(created);
        var page = await edit.ParseAsync();
        var url = page.QuerySelector("input#share-url")?.GetAttribute("value");
        Assert.NotNull(url);
        Assert.StartsWith("http://localhost/preview/", url, StringComparison.Ordinal);
        return new Uri(url).AbsolutePath;
    }

    private async Task<HttpResponseMessage> OpenAnonymouslyAsync(string path)
    {
        using var visitor = factory.CreateBrowser();
        return await visitor.GetAsync(new Uri(path, UriKind.Relative));
    }

    [Fact]
    public async Task Show_ShareLinkFromTheEditPage_OpensAnonymouslyUntilRevoked()
    {
        var (id, _) = await factory.CreateNewsAsync($"Draft for partners {Guid.NewGuid():N}", publish: false, culture: "en", body: "Please check the figures.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var path = await ShareAsync(editor, id, days: 7);

        using (var shared = await OpenAnonymouslyAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
            Assert.Contains("noindex", string.Join(",", shared.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
            Assert.Equal("no-store", shared.Headers.CacheControl?.ToString());
            var page = await shared.ParseAsync();
            Assert.Equal("Please check the figures.", page.Text(".prose"));
            Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("/admin", StringComparison.Ordinal));
        }

        // The address is shown once; the list keeps a revoke button.
        var edit = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Null(edit.QuerySelector("input#share-url"));
        var revoke = Assert.Single(edit.QuerySelectorAll("form[action]"), f => f.GetAttribute("action")!.EndsWith("/revoke", StringComparison.Ordinal));
        using (var revoked = await editor.SubmitFormAsync(edit, revoke.GetAttribute("action")!))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using var after = await OpenAnonymouslyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Show_ShareLinkPastItsDays_Returns404()
    {
        var (id, _) = await factory.CreateNewsAsync($"Short-lived {Guid.NewGuid():N}", publish: false);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var path = await ShareAsync(editor, id, days: 1);

        factory.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        using (var lastSecond = await OpenAnonymouslyAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await OpenAnonymouslyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
    }

    [Fact]
    public async Task Show_ShareLinkOfATrashedArticle_Returns404()
    {
        var (id, _) = await factory.CreateNewsAsync($"Shared, then trashed {Guid.NewGuid():N}", publish: false);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var path = await ShareAsync(editor, id, days: 7);

        (await editor.SubmitFormAsync($"/admin/news/{id}/delete", $"/admin/news/{id}/delete")).Dispose();

        using var response = await OpenAnonymouslyAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("a-very-long-token-a-very-long-token-a-very-long-token-a-very-long-token-a-very-long-token-a-very-long-token")]
    public async Task Show_UnknownToken_Returns404(string token)
    {
        using var response = await OpenAnonymouslyAsync($"/preview/{token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
