using System.Net;
using AngleSharp.Html.Dom;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Localization;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The editor's start page: their own drafts, what goes live next, what went live lately.</summary>
public sealed class DashboardControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static async Task CreateAsync(HttpClient editor, string title, string action, DateTime? publishAtUtc = null)
    {
        using var response = await editor.SubmitFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en",
            ["Title"] = title,
            ["Body"] = "Text.",
            ["PublishAt"] = publishAtUtc is { } at ? ContentFormViewModel.InputValue(DushanbeTime.ToLocal(at))! : "",
            ["action"] = action,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static List<string> Titles(IHtmlDocument dashboard, string section) =>
        dashboard.QuerySelectorAll($"section[aria-labelledby={section}] li a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Index_ShowsTheEditorsOwnDraftsAndTheScheduledArticle()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var colleague = await factory.SignedInClientAsync(Roles.Editor);
        var mine = $"My draft {Guid.NewGuid():N}";
        var theirs = $"Colleague's draft {Guid.NewGuid():N}";
        var scheduled = $"Scheduled {Guid.NewGuid():N}";
        var goesLive = factory.UtcNow.AddHours(3);
        await CreateAsync(editor, mine, "draft");
        await CreateAsync(colleague, theirs, "draft");
        await CreateAsync(colleague, scheduled, "schedule", goesLive);

        var dashboard = await editor.GetDocumentAsync("/admin");

        Assert.Contains(mine, Titles(dashboard, "drafts"));
        Assert.DoesNotContain(theirs, Titles(dashboard, "drafts"));
        Assert.DoesNotContain(scheduled, Titles(dashboard, "drafts"));
        Assert.Contains(scheduled, Titles(dashboard, "scheduled"));
        Assert.DoesNotContain(scheduled, Titles(dashboard, "published"));
        var item = Assert.Single(dashboard.QuerySelectorAll("section[aria-labelledby=scheduled] li"), li => li.Text("a") == scheduled);
        Assert.Contains(DushanbeTime.FormatDateTime(goesLive).Split(',')[1].Trim(), item.Text(".meta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ScheduledTimeReached_MovesTheArticleToRecentlyPublished()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var scheduled = $"Goes live soon {Guid.NewGuid():N}";
        var goesLive = factory.UtcNow.AddMinutes(30);
        await CreateAsync(editor, scheduled, "schedule", goesLive);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var dashboard = await editor.GetDocumentAsync("/admin");

        Assert.DoesNotContain(scheduled, Titles(dashboard, "scheduled"));
        Assert.Contains(scheduled, Titles(dashboard, "published"));
    }

    [Fact]
    public async Task Index_ImageWithoutTajikAlt_IsListedWithTheLanguageAndALinkToFixIt()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var name = $"no-tajik-{Guid.NewGuid():N}.jpg";
        (await CoalitionAppFactory.UploadAsync(editor, Coalition.Tests.Media.MediaFixtures.Jpeg(), name, altEn: "A press conference")).Dispose();
        var id = await factory.QueryDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Media.Where(m => m.DisplayName == name).Select(m => m.Id)));

        var dashboard = await editor.GetDocumentAsync("/admin");

        var link = Assert.Single(dashboard.QuerySelectorAll("section a"), a => a.TextContent.Trim() == name);
        Assert.Equal($"/admin/media/{id}", link.GetAttribute("href"));
        Assert.Contains("Тоҷикӣ", link.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_PublishedWithoutTranslations_LinksEachMissingLanguageToTheEditPage()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var title = $"Untranslated {Guid.NewGuid():N}";
        await CreateAsync(editor, title, "publish");

        var dashboard = await editor.GetDocumentAsync("/admin");

        var item = Assert.Single(dashboard.QuerySelectorAll("section[aria-labelledby=translations] .plain-list > li"), li => li.QuerySelector("a")!.TextContent.Trim() == title);
        var missing = item.QuerySelectorAll(".todo-langs a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(2, missing.Count);
        Assert.All(item.QuerySelectorAll(".todo-langs a"), a => Assert.EndsWith("/edit#translations-title", a.GetAttribute("href"), StringComparison.Ordinal));
    }
}
