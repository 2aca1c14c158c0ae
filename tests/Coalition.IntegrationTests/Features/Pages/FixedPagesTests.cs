using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Pages;

/// <summary>A fresh production install, without demo content: the fixed pages are there, in every language, and staff edit them.</summary>
public sealed class FixedPagesTests(FixedPagesTests.ProductionAppFactory factory) : IClassFixture<FixedPagesTests.ProductionAppFactory>
{
    public sealed class ProductionAppFactory : CoalitionAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:PublicBaseUrl", "http://localhost"); // required in Production (issue 19, item 6)
        }
    }

    [Theory]
    [InlineData("/ru/about", "О Коалиции")]
    [InlineData("/tg/contacts", "Тамос")]
    [InlineData("/en/disclaimer", "Disclaimer")]
    [InlineData("/tg/about", "Дар бораи Эътилоф")]
    public async Task FixedPage_OnAProductionStartWithoutDemo_Answers200InItsLanguage(string path, string title)
    {
        using var visitor = factory.CreateBrowser();
        var page = await visitor.GetDocumentAsync(path);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task StarterPages_AreOneTranslationGroupPerAddress_AndContactsLinkTheirAddresses()
    {
        var groups = await factory.QueryDbAsync(db => db.Pages.AsNoTracking()
            .GroupBy(p => p.Slug).Select(g => new { g.Key, Groups = g.Select(p => p.TranslationGroupId).Distinct().Count(), Count = g.Count() }).ToListAsync());
        foreach (var key in PageKeys.All)
        {
            var group = Assert.Single(groups, g => g.Key == key);
            Assert.Equal(1, group.Groups);
            Assert.Equal(3, group.Count);
        }

        using var visitor = factory.CreateBrowser();
        var contacts = await visitor.GetDocumentAsync("/en/contacts");
        Assert.NotNull(contacts.QuerySelector("a[href='mailto:press@example.org']"));
    }

    [Fact]
    public async Task StarterSeeder_NeverOverwritesAnEditedPage_AndRecreatesAMissingLanguage()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.QueryDbAsync(db => db.Pages.Where(p => p.Slug == "disclaimer" && p.Culture == "ru").Select(p => p.Id).FirstAsync());
        using (var saved = await editor.SubmitFormAsync($"/admin/pages/{id}/edit", $"/admin/pages/{id}/edit", new() { ["Body"] = "Edited by staff.", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await factory.ExecuteDbAsync(db => db.Pages.Where(p => p.Slug == "disclaimer" && p.Culture == "en").ExecuteDeleteAsync());
        var created = await factory.QueryAsync(sp => sp.GetRequiredService<StarterContentSeeder>().SeedAsync());

        Assert.Equal(1, created);
        using var visitor = factory.CreateBrowser();
        Assert.Contains("Edited by staff.", (await visitor.GetDocumentAsync("/ru/disclaimer")).QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Disclaimer", (await visitor.GetDocumentAsync("/en/disclaimer")).QuerySelector("h1")?.TextContent.Trim());
        var groups = await factory.QueryDbAsync(db => db.Pages.Where(p => p.Slug == "disclaimer").Select(p => p.TranslationGroupId).Distinct().CountAsync());
        Assert.Equal(1, groups);
    }

    [Fact]
    public async Task FixedPage_KeepsItsAddress_CannotBeTrashed_AndItsTranslationKeepsTheKey()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var id = await factory.QueryDbAsync(db => db.Pages.Where(p => p.Slug == "about" && p.Culture == "ru").Select(p => p.Id).FirstAsync());

        var edit = await editor.GetDocumentAsync($"/admin/pages/{id}/edit");
        Assert.Null(edit.QuerySelector("input[name=Slug]"));
        Assert.Null(edit.QuerySelector($"a[href='/admin/pages/{id}/delete']"));
        using (var delete = await editor.GetAsync(new Uri($"/admin/pages/{id}/delete", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }

        using (var saved = await editor.SubmitFormAsync(edit, $"/admin/pages/{id}/edit", new() { ["Slug"] = "moved", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal("about", await factory.QueryDbAsync(db => db.Pages.Where(p => p.Id == id).Select(p => p.Slug).FirstAsync()));

        // A language missing from the group: "Translate to…" gives the translation the page's key as its address.
        await factory.ExecuteDbAsync(db => db.Pages.Where(p => p.Slug == "about" && p.Culture == "tg").ExecuteDeleteAsync());
        using (var translated = await editor.SubmitFormAsync($"/admin/pages/{id}/edit", $"/admin/pages/{id}/translate", new() { ["culture"] = "tg" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        }

        var translation = await factory.QueryDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Culture == "tg" && p.TranslatedFromId == id));
        Assert.Equal("about", translation.Slug);
        using (var published = await editor.SubmitFormAsync($"/admin/pages/{translation.Id}/edit", $"/admin/pages/{translation.Id}/edit", new() { ["Title"] = "Дар бораи мо", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using var visitor = factory.CreateBrowser();
        Assert.Equal("Дар бораи мо", (await visitor.GetDocumentAsync("/tg/about")).QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task NewPage_IsServedAtTheSiteRoot_ButNotAtASectionsAddress()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var form = new Dictionary<string, string>
        {
            ["Culture"] = "en",
            ["Title"] = "Court monitoring",
            ["Slug"] = "court-monitoring",
            ["Body"] = "How the Legal Aid Group monitors hearings.",
            ["action"] = "publish",
        };
        using (var created = await editor.PostFormAsync("/admin/pages/create", "/admin/pages/create", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var visitor = factory.CreateBrowser();
        Assert.Equal("Court monitoring", (await visitor.GetDocumentAsync("/en/court-monitoring")).QuerySelector("h1")?.TextContent.Trim());

        form["Slug"] = "news";
        form["Title"] = "Not a section";
        using var refused = await editor.PostFormAsync("/admin/pages/create", "/admin/pages/create", form);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("belongs to a section of the site", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not a section", page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.False(await factory.QueryDbAsync(db => db.Pages.AnyAsync(p => p.Slug == "news")));
    }
}
