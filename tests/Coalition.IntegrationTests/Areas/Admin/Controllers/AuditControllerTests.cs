using System.Net;
using AngleSharp.Html.Dom;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The audit log: what staff did, readable by Administrators only, and never editable through the site.</summary>
public sealed class AuditControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    /// <summary>An editor who failed to sign in once, then signed in, created an article and published it; returns the e-mail and title.</summary>
    private async Task<(string Email, string Title)> EditorWhoPublishedAsync()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using (var stranger = factory.CreateBrowser("en"))
        using (var failed = await stranger.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = "not the right password", ["ReturnUrl"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var editor = await factory.SignedInClientAsync(staff);
        var title = $"Audited article {Guid.NewGuid():N}";
        using var created = await editor.SubmitFormAsync("/admin/news/create", "/admin/news/create", new() { ["Culture"] = "en", ["Title"] = title, ["Body"] = "Text.", ["action"] = "draft" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.QueryDbAsync(db => db.News.Where(n => n.Title == title).Select(n => n.Id).SingleAsync());
        using var published = await editor.SubmitFormAsync($"/admin/news/{id}/edit", $"/admin/news/{id}/publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return (staff.Email, title);
    }

    /// <summary>The rows of the audit page: action (its stored code, kept in the title of its name) and item cell.</summary>
    private static List<(string Action, string Item)> Entries(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr")
            .Select(tr => (tr.Children[2].QuerySelector("[title]")?.GetAttribute("title") ?? "", tr.Children[3].TextContent.Trim()))
            .ToList();

    private Task<int> EntryCountAsync() => factory.QueryDbAsync(db => db.AuditEntries.CountAsync());

    [Fact]
    public async Task Index_AfterSignInAndEditing_ListsEachActionOfThatPerson()
    {
        var (email, title) = await EditorWhoPublishedAsync();
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);

        var page = await admin.GetDocumentAsync($"/admin/audit?user={Uri.EscapeDataString(email)}");

        var entries = Entries(page);
        Assert.Equal(
            [AuditActions.Publish, AuditActions.Create, AuditActions.SignIn, AuditActions.SignInFailed],
            entries.Select(e => e.Action));
        Assert.Contains(title, entries[0].Item, StringComparison.Ordinal);
        Assert.Contains(title, entries[1].Item, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("tbody tr"), tr => Assert.Equal(email, tr.Children[1].TextContent.Trim()));
    }

    [Fact]
    public async Task Index_FilteredByAction_ShowsOnlyThatAction()
    {
        var (email, title) = await EditorWhoPublishedAsync();
        await EditorWhoPublishedAsync();
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var unfiltered = await admin.GetDocumentAsync("/admin/audit");
        var filter = unfiltered.FormFields("/admin/audit");
        Assert.Contains(unfiltered.QuerySelectorAll("select#action option"), o => o.GetAttribute("value") == AuditActions.Publish);

        var everyone = await admin.GetDocumentAsync($"/admin/audit?action={AuditActions.Publish}");
        var theirs = await admin.GetDocumentAsync($"/admin/audit?action={AuditActions.Publish}&user={Uri.EscapeDataString(email)}");

        Assert.Equal("", filter["action"]);
        Assert.True(Entries(everyone).Count >= 2);
        Assert.All(Entries(everyone), e => Assert.Equal(AuditActions.Publish, e.Action));
        Assert.Contains(title, Assert.Single(Entries(theirs)).Item, StringComparison.Ordinal);
        Assert.Equal(AuditActions.Publish, everyone.QuerySelector("select#action option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Index_Editor_IsDenied()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.GetAsync(new Uri("/admin/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.RedirectPath());
        using var denied = await editor.FollowAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Null((await editor.GetDocumentAsync("/admin")).QuerySelector("a[href='/admin/audit']"));
    }

    [Fact]
    public void Endpoints_UnderAdminAudit_AreReadOnly()
    {
        var audit = factory.Endpoints().Where(e => e.Pattern.StartsWith("/admin/audit", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(audit);
        Assert.All(audit, e => Assert.Equal("GET", e.Method));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Index_WritingMethod_IsRefusedAndChangesNothing(string method)
    {
        await EditorWhoPublishedAsync();
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        var token = await admin.GetAntiforgeryTokenAsync("/admin/audit");
        var before = await EntryCountAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/admin/audit", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [BrowserExtensions.AntiforgeryField] = token, ["action"] = AuditActions.Publish }),
        };
        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(before, await EntryCountAsync());
    }

    [Fact]
    public async Task Index_InRussian_NamesActionsAndTypesInWordsAndSchedulesInDushanbeTime()
    {
        var editorStaff = await factory.CreateStaffAsync(Roles.Editor);
        using var editor = await factory.SignedInClientAsync(editorStaff);
        var title = $"Scheduled audit {Guid.NewGuid():N}";
        var goesLiveUtc = new DateTime(2030, 3, 1, 7, 44, 0, DateTimeKind.Utc);
        using (var created = await editor.SubmitFormAsync("/admin/news/create", "/admin/news/create", new()
        {
            ["Culture"] = "en",
            ["Title"] = title,
            ["Body"] = "Text.",
            ["PublishAt"] = Coalition.Web.Areas.Admin.ViewModels.ContentFormViewModel.InputValue(Coalition.Web.Features.Localization.DushanbeTime.ToLocal(goesLiveUtc))!,
            ["action"] = "schedule",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var admin = await factory.SignedInClientAsync(await factory.CreateStaffAsync(Roles.Administrator), acceptLanguage: "ru");
        var page = await admin.GetDocumentAsync($"/admin/audit?user={Uri.EscapeDataString(editorStaff.Email)}&action={AuditActions.Schedule}");

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal("Запланирован", row.Children[2].TextContent.Trim());
        Assert.StartsWith("Статья #", row.Children[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("12:44", row.Children[3].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("07:44", row.Children[3].TextContent, StringComparison.Ordinal);
        Assert.Equal("Запланирован", page.QuerySelector($"#action option[value='{AuditActions.Schedule}']")!.TextContent.Trim());
        Assert.Equal("Статья", page.QuerySelector("#type option[value='NewsArticle']")!.TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll("#action option"), o => o.TextContent.Contains("content.", StringComparison.Ordinal));
        var region = page.QuerySelector(".table-wrap")!;
        Assert.Equal(("0", "region"), (region.GetAttribute("tabindex"), region.GetAttribute("role")));
        Assert.False(string.IsNullOrWhiteSpace(region.GetAttribute("aria-label")));
    }
}
