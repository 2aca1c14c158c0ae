using System.Net;
using System.Text.Json;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The editor's desk: the server-rendered preview, autosave and the media picker, and what they must never do.</summary>
public sealed class EditorControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private static string EditUrl(int id) => $"/admin/news/{id}/edit";

    private Task<NewsArticle> LoadAsync(int id) =>
        factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == id));

    private Task<List<ContentRevision>> RevisionsAsync(int id) =>
        factory.QueryDbAsync(db => db.Revisions.AsNoTracking().Where(r => r.ContentType == nameof(NewsArticle) && r.ItemId == id).OrderBy(r => r.Number).ToListAsync());

    /// <summary>Posts the autosave as the desk's script does: every field of the edit form, with its token.</summary>
    private static async Task<HttpResponseMessage> AutosaveAsync(HttpClient editor, int id, string body, string? version = null)
    {
        var page = await editor.GetDocumentAsync(EditUrl(id));
        var fields = page.FormFields(EditUrl(id));
        fields["Body"] = body;
        if (version is not null)
        {
            fields["Version"] = version;
        }

        fields.Remove("action");
        return await editor.PostFormAsync(EditUrl(id), $"/admin/news/{id}/autosave", fields);
    }

    [Fact]
    public async Task Preview_ScriptOutsideImageAndHttpLink_ReturnsTheSanitisedFragment()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/editor/preview", new()
        {
            ["culture"] = "en",
            ["body"] = "## Hearing\n\nThe court **adjourned**.<script>alert(1)</script>\n\n[bad](javascript:alert(1)) ![outside](https://tracker.example/pixel.png) <img src=x onerror=alert(1)>",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h2>Hearing</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>adjourned</strong>", html, StringComparison.Ordinal);
        var fragment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(fragment.QuerySelectorAll("script, [onerror]"));
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        // The outside image keeps its alt text but loses its address: nothing is requested from another host.
        Assert.All(fragment.QuerySelectorAll("img"), img => Assert.True(img.GetAttribute("src") is null || img.GetAttribute("src")!.StartsWith("/media/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Preview_LibraryImageInTheText_GetsItsSrcsetAndAlt()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var uploaded = await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.Jpeg(), "court.jpg", altEn: "The court building");
        var key = await factory.QueryDbAsync(db => db.Media.OrderByDescending(m => m.Id).Select(m => m.StorageKey).FirstAsync());

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/editor/preview", new()
        {
            ["culture"] = "en",
            ["body"] = $"![](/media/{key}-640.jpg)",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("srcset=", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"The court building\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WithoutAntiforgeryToken_IsRefused()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostWithoutTokenAsync("/admin/editor/preview", new() { ["body"] = "Text" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DeskEndpoints_Anonymous_AreSentToSignIn()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Anonymous autosave"), publish: false, culture: "en");
        using var visitor = factory.CreateBrowser();

        using var media = await visitor.GetAsync(new Uri("/admin/editor/media", UriKind.Relative));
        using var autosave = await visitor.PostWithoutTokenAsync($"/admin/news/{id}/autosave", new() { ["Body"] = "Planted" });

        Assert.Equal(HttpStatusCode.Redirect, media.StatusCode);
        Assert.StartsWith("/account/login", media.RedirectPath(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, autosave.StatusCode);
        Assert.DoesNotContain(await RevisionsAsync(id), r => r.BodyMarkdown == "Planted");
    }

    [Fact]
    public async Task Autosave_PublishedArticle_StoresAnAutosaveAndLeavesTheItemAsItWas()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Live article"), publish: true, culture: "en", body: "The published text.");
        var before = await LoadAsync(id);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await AutosaveAsync(editor, id, "The published text, and a new paragraph being written.");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(json.RootElement.GetProperty("stale").GetBoolean());
        var after = await LoadAsync(id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(PublicationStatus.Published, after.Status);
        Assert.Equal("The published text.", after.BodyMarkdown);
        Assert.Null(after.PendingRevisionId);
        Assert.Equal(before.UpdatedUtc, after.UpdatedUtc);
        var autosave = Assert.Single(await RevisionsAsync(id), r => r.Kind == RevisionStore.AutosaveKind);
        Assert.Equal("The published text, and a new paragraph being written.", autosave.BodyMarkdown);
    }

    [Fact]
    public async Task Autosave_Repeated_KeepsOnlyTheLatestAndStaysOutOfTheHistory()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Draft in progress"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        (await AutosaveAsync(editor, id, "First minute.")).Dispose();
        (await AutosaveAsync(editor, id, "Second minute.")).Dispose();
        var history = await editor.GetDocumentAsync($"/admin/news/{id}/history");

        var autosave = Assert.Single(await RevisionsAsync(id), r => r.Kind == RevisionStore.AutosaveKind);
        Assert.Equal("Second minute.", autosave.BodyMarkdown);
        Assert.Single(history.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Edit_AfterAutosave_OffersTheNewerTextAndSavingItCausesNoConflict()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Crashed tab"), publish: false, culture: "en", body: "Saved text.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await AutosaveAsync(editor, id, "Text typed before the browser crashed.")).Dispose();

        var page = await editor.GetDocumentAsync(EditUrl(id));
        var offer = page.QuerySelector(".autosave-offer a");
        var restored = await editor.GetDocumentAsync(offer!.GetAttribute("href")!);
        using var saved = await editor.SubmitFormAsync(restored, EditUrl(id), new() { ["action"] = "draft" });

        Assert.Equal(EditUrl(id) + "?autosave=true", offer.GetAttribute("href"));
        Assert.Equal("Saved text.", page.QuerySelector("textarea#Body")!.TextContent.Trim());
        Assert.Equal("Text typed before the browser crashed.", restored.QuerySelector("textarea#Body")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(EditUrl(id), saved.RedirectPath());
        Assert.Equal("Text typed before the browser crashed.", (await LoadAsync(id)).BodyMarkdown);
        var again = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Null(again.QuerySelector(".autosave-offer"));
    }

    [Fact]
    public async Task Autosave_FromAStaleTab_IsKeptAndSaysSo()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Two tabs"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var version = (await LoadAsync(id)).Version;

        using var response = await AutosaveAsync(editor, id, "Older tab's text.", version: (version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.True(json.RootElement.GetProperty("stale").GetBoolean());
        Assert.Equal(version, (await LoadAsync(id)).Version);
    }

    [Fact]
    public async Task Autosave_ItemInTheTrash_IsNotFound()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Trashed"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var fields = (await editor.GetDocumentAsync(EditUrl(id))).FormFields(EditUrl(id));
        await factory.ExecuteDbAsync(db => db.News.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.DeletedUtc, DateTime.UtcNow)));

        using var response = await editor.PostFormAsync("/admin/news/create", $"/admin/news/{id}/autosave", fields);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Media_PickerList_ShowsThumbnailSnippetAndTheMissingTajikAlt()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var name = $"picker-{Guid.NewGuid():N}.jpg";
        (await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.Jpeg(), name, altEn: "Lawyers outside the court")).Dispose();

        using var response = await editor.GetAsync(new Uri($"/admin/editor/media?kind=image&culture=tg&q={Uri.EscapeDataString(name[..20])}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("image", item.GetProperty("kind").GetString());
        Assert.StartsWith("/media/", item.GetProperty("thumb").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("![](/media/", item.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var alt = item.GetProperty("alt").EnumerateArray().ToDictionary(a => a.GetProperty("culture").GetString()!, a => a.GetProperty("present").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["ru"] = false, ["tg"] = false, ["en"] = true }, alt);
    }

    [Fact]
    public async Task Media_UploadInPlace_AnswersWithTheNewItemOrTheReason()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var token = await editor.GetAntiforgeryTokenAsync("/admin/news/create");

        async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, string altTg)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(file), "File", fileName },
                { new StringContent(altTg), "AltTg" },
                { new StringContent("tg"), "culture" },
                { new StringContent(token), BrowserExtensions.AntiforgeryField },
            };
            return await editor.PostAsync(new Uri("/admin/editor/media", UriKind.Relative), form);
        }

        using var ok = await UploadAsync(MediaFixtures.Jpeg(), "in-place.jpg", "Толори суд");
        using var noAlt = await UploadAsync(MediaFixtures.Jpeg(), "no-alt.jpg", "");
        using var okJson = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        using var noAltJson = JsonDocument.Parse(await noAlt.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.StartsWith("![Толори суд](/media/", okJson.RootElement.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(noAltJson.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Edit_Page_CarriesTheDeskTemplatesAndItsScript()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Desk page"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync(EditUrl(id));

        var form = page.QuerySelector("form[data-editor]");
        Assert.NotNull(form);
        Assert.Equal($"/admin/news/{id}/autosave", form.GetAttribute("data-autosave-url"));
        Assert.NotNull(page.QuerySelector("template#editor-tools"));
        Assert.NotNull(page.QuerySelector("template#media-picker"));
        Assert.Matches(@"^/js/admin-editor(\.[a-z0-9]+)?\.js", page.QuerySelector("script[src]")!.GetAttribute("src"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.NotNull(page.QuerySelector("select[data-media-select='image']"));
    }
}
