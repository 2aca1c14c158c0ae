using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Publishing;

/// <summary>Links in the text either work as shown or are refused with a reason: never a dead link that looks live.</summary>
public sealed class LinkRulesTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("[the report](http://example.org/report)", "http://example.org/report")]
    [InlineData("See http://example.org/plain for details.", "http://example.org/plain")]
    [InlineData("[ftp](ftp://example.org/file)", "ftp://example.org/file")]
    [InlineData("[x](javascript:alert(1))", "javascript:alert(1)")]
    public async Task Save_LinkWithAnotherSchemeThanHttps_IsRefusedNamingTheLink_AndTheTextIsKept(string body, string link)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var title = "Links " + Guid.NewGuid().ToString("N")[..8];
        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en",
            ["Title"] = title,
            ["Body"] = body,
            ["action"] = "publish",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(link, page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.False(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.Title == title)));
    }

    [Fact]
    public async Task Save_HttpsMailtoAndSchemeRelativeLinks_AreAccepted_AndSchemeRelativeIsWrittenAsHttps()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var slug = "links-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en",
            ["Title"] = "Links that work",
            ["Slug"] = slug,
            ["Body"] = "[a](https://example.org/a) [b](mailto:press@example.org) [c](//example.org/c) [d](/en/about)",
            ["action"] = "publish",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var visitor = factory.CreateBrowser();
        var article = await visitor.GetDocumentAsync($"/en/news/{slug}");
        var hrefs = article.QuerySelectorAll(".prose a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://example.org/a", "mailto:press@example.org", "https://example.org/c", "/en/about"], hrefs);
    }
}
