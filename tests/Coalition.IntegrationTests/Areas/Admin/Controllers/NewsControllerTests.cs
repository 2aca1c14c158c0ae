using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

public sealed class NewsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static Dictionary<string, string> ArticleForm(string title, string body, string action, string culture = "ru", string slug = "") => new()
    {
        ["Culture"] = culture,
        ["Title"] = title,
        ["Slug"] = slug,
        ["Summary"] = "",
        ["Body"] = body,
        ["Version"] = "0",
        ["action"] = action,
    };

    private Task<NewsArticle?> FindByTitleAsync(string title) =>
        factory.QueryDbAsync(db => db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Title == title));

    [Fact]
    public async Task Create_EditorPublishesThroughTheForm_ArticleIsPublic()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var title = $"Hearing in Dushanbe {Guid.NewGuid():N}";

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create",
            ArticleForm(title, "The court **adjourned** the hearing.", "publish", culture: "en"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await FindByTitleAsync(title);
        Assert.NotNull(stored);
        Assert.Equal($"/admin/news/{stored.Id}/edit", response.Headers.Location?.OriginalString);
        Assert.Equal(PublicationStatus.Published, stored.Status);
        Assert.Equal("en", stored.Culture);
        Assert.StartsWith("hearing-in-dushanbe-", stored.Slug, StringComparison.Ordinal);

        using var visitor = factory.CreateBrowser();
        var list = await visitor.GetDocumentAsync("/en/news");
        var link = Assert.Single(list.QuerySelectorAll(".card-title a"), a => a.TextContent.Trim() == title);
        Assert.Equal($"/en/news/{stored.Slug}", link.GetAttribute("href"));
        var article = await visitor.GetDocumentAsync($"/en/news/{stored.Slug}");
        Assert.Equal(title, article.QuerySelector("article h1")?.TextContent.Trim());
        Assert.Equal("adjourned", article.QuerySelector(".prose strong")?.TextContent);
    }

    [Fact]
    public async Task Create_EditorSavesADraft_ArticleIsNotPublic()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var title = $"Draft statement {Guid.NewGuid():N}";

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create", ArticleForm(title, "Not yet.", "draft", culture: "en"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await FindByTitleAsync(title);
        Assert.Equal(PublicationStatus.Draft, stored?.Status);
        using var visitor = factory.CreateBrowser();
        using var page = await visitor.GetAsync(new Uri($"/en/news/{stored!.Slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var list = await visitor.GetDocumentAsync("/en/news");
        Assert.DoesNotContain(title, list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PostWithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var title = $"Forged {Guid.NewGuid():N}";

        using var response = await editor.PostWithoutTokenAsync("/admin/news/create", ArticleForm(title, "Forged body", "publish"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindByTitleAsync(title));
    }

    [Fact]
    public async Task Create_TokenOfAnotherSession_Returns400AndStoresNothing()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var attacker = await factory.SignedInClientAsync(Roles.Editor);
        var foreignToken = await attacker.GetAntiforgeryTokenAsync("/admin/news/create");
        var title = $"Cross-site {Guid.NewGuid():N}";
        var form = ArticleForm(title, "Forged body", "publish");
        form[BrowserExtensions.AntiforgeryField] = foreignToken;

        using var response = await editor.PostWithoutTokenAsync("/admin/news/create", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindByTitleAsync(title));
    }

    [Fact]
    public async Task Create_ScriptInTitleAndBody_NeverReachesThePublicPageUnescaped()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var marker = Guid.NewGuid().ToString("N");
        var title = $"<script>alert('{marker}')</script> Headline";
        const string Body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click me](javascript:alert(3))\n\n<a href=\"#\" onclick=\"alert(4)\">x</a>\n\n<svg onload=alert(5)></svg>";

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create",
            ArticleForm(title, Body, "publish", slug: $"xss-{marker}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var visitor = factory.CreateBrowser();
        foreach (var url in new[] { $"/ru/news/xss-{marker}", "/ru/news", "/ru/" })
        {
            using var page = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
            var document = await page.ParseAsync();
            Assert.Empty(document.QuerySelectorAll("script, svg, iframe, object, embed"));
            var handlers = document.All.SelectMany(e => e.Attributes)
                .Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{a.Name}={a.Value}")
                .ToList();
            Assert.Empty(handlers);
            // The title is shown, as text.
            Assert.Contains(document.All, e => e.TextContent.Contains($"alert('{marker}')", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsTheConflictAndKeepsTheSavedText()
    {
        var (id, _) = await factory.CreateNewsAsync($"Shared article {Guid.NewGuid():N}", publish: false, culture: "en");
        using var first = await factory.SignedInClientAsync(Roles.Editor);
        using var second = await factory.SignedInClientAsync(Roles.Editor);
        var firstToken = await first.GetAntiforgeryTokenAsync($"/admin/news/{id}/edit");
        var secondToken = await second.GetAntiforgeryTokenAsync($"/admin/news/{id}/edit");

        var firstForm = ArticleForm("First editor's title", "First", "draft", culture: "en");
        firstForm["Version"] = "1";
        firstForm[BrowserExtensions.AntiforgeryField] = firstToken;
        using var saved = await first.PostWithoutTokenAsync($"/admin/news/{id}/edit", firstForm);
        var secondForm = ArticleForm("Second editor's title", "Second", "draft", culture: "en");
        secondForm["Version"] = "1";
        secondForm[BrowserExtensions.AntiforgeryField] = secondToken;
        using var conflict = await second.PostWithoutTokenAsync($"/admin/news/{id}/edit", secondForm);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var document = await conflict.ParseAsync();
        Assert.NotNull(document.QuerySelector("section.conflict"));
        Assert.Equal("Second editor's title", document.QuerySelector("input#Title")?.GetAttribute("value"));
        var stored = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(("First editor's title", 2), (stored.Title, stored.Version));
    }

    [Fact]
    public async Task Delete_ThroughTheConfirmationForm_MovesTheArticleToTheTrash()
    {
        var (id, slug) = await factory.CreateNewsAsync($"To be deleted {Guid.NewGuid():N}", publish: true);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostFormAsync($"/admin/news/{id}/delete", $"/admin/news/{id}/delete", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.Id == id && n.DeletedUtc != null)));
        using var visitor = factory.CreateBrowser();
        using var page = await visitor.GetAsync(new Uri($"/ru/news/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task EditorPages_EveryPostForm_CarriesAnAntiforgeryToken()
    {
        var (id, _) = await factory.CreateNewsAsync($"Forms {Guid.NewGuid():N}", publish: true);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var checkedForms = 0;

        foreach (var url in new[] { "/admin", "/admin/news", "/admin/news/create", $"/admin/news/{id}/edit", $"/admin/news/{id}/delete" })
        {
            var document = await editor.GetDocumentAsync(url);
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                checkedForms++;
                var token = form.QuerySelector($"input[name={BrowserExtensions.AntiforgeryField}]")?.GetAttribute("value");
                Assert.False(string.IsNullOrEmpty(token), $"{url}: the form posting to {form.GetAttribute("action")} has no antiforgery token, so it can never be submitted");
            }
        }

        // Sign out on every page, create, edit, translate, link, unpublish, delete.
        Assert.True(checkedForms >= 10, $"only {checkedForms} forms found");
    }

    [Fact]
    public async Task Publish_ThroughTheEditPagesButton_MakesADraftPublic()
    {
        var (id, slug) = await factory.CreateNewsAsync($"Publish me {Guid.NewGuid():N}", publish: false);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/publish", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var visitor = factory.CreateBrowser();
        using var page = await visitor.GetAsync(new Uri($"/ru/news/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
