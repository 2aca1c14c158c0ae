using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
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

    private Task<NewsArticle> LoadAsync(int id) =>
        factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == id));

    private Task<int> RevisionCountAsync(int id) =>
        factory.QueryDbAsync(db => db.Revisions.CountAsync(r => r.ContentType == nameof(NewsArticle) && r.ItemId == id));

    private static string EditUrl(int id) => $"/admin/news/{id}/edit";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    private async Task<HttpStatusCode> PublicStatusAsync(string url)
    {
        using var visitor = factory.CreateBrowser();
        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string> PublicBodyAsync(string url)
    {
        using var visitor = factory.CreateBrowser();
        var page = await visitor.GetDocumentAsync(url);
        return page.Text(".prose") ?? "";
    }

    /// <summary>The admin list's row of the item titled <paramref name="title"/>.</summary>
    private static IElement Row(IHtmlDocument list, string title) =>
        Assert.Single(list.QuerySelectorAll("tbody tr"), tr => tr.Text("td a") == title);

    /// <summary>The language badges of a row, as "RU", "EN (outdated)" or "TG missing".</summary>
    private static List<string> Languages(IElement row) =>
        row.QuerySelectorAll("ul.translations li").Select(li =>
            li.QuerySelector("a.lang-exists") is { } a
                ? a.ClassList.Contains("lang-outdated") ? $"{a.FirstChild!.TextContent.Trim()} (outdated)" : a.FirstChild!.TextContent.Trim()
                : $"{li.QuerySelector(".lang-missing [aria-hidden]")!.TextContent.Trim()} missing").ToList();

    /// <summary>Asserts that <paramref name="response"/> turned a signed-in staff member away: to the access-denied page, which answers 403.</summary>
    private static async Task AssertDeniedAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.RedirectPath());
        using var denied = await client.FollowAsync(response);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

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
        const string Body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n<a href=\"javascript:alert(3)\">click me</a>\n\n<a href=\"#\" onclick=\"alert(4)\">x</a>\n\n<svg onload=alert(5)></svg>";

        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create",
            ArticleForm(title, Body, "publish", slug: $"xss-{marker}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var visitor = factory.CreateBrowser();
        foreach (var url in new[] { $"/ru/news/xss-{marker}", "/ru/news", "/ru/" })
        {
            using var page = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            // The page's one script element is its JSON-LD data block (issue 14), whose JSON escapes the title's "<".
            Assert.DoesNotContain("<script", html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
            var document = await page.ParseAsync();
            Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json']), svg, iframe, object, embed"));
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
    public async Task Edit_TwoEditorsSaveTheSameLoadedForm_SecondGets409WithBothTexts()
    {
        var (id, _) = await factory.CreateNewsAsync($"Shared article {Guid.NewGuid():N}", publish: false, culture: "en", body: "The original text.");
        using var first = await factory.SignedInClientAsync(Roles.Editor);
        using var second = await factory.SignedInClientAsync(Roles.Editor);
        var firstPage = await first.GetDocumentAsync(EditUrl(id));
        var secondPage = await second.GetDocumentAsync(EditUrl(id));

        using var saved = await first.SubmitFormAsync(firstPage, EditUrl(id), new() { ["Title"] = "First editor's title", ["Body"] = "The first editor's text.", ["action"] = "draft" });
        using var conflict = await second.SubmitFormAsync(secondPage, EditUrl(id), new() { ["Title"] = "Second editor's title", ["Body"] = "The second editor's text.", ["action"] = "draft" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await conflict.ParseAsync();
        Assert.NotNull(page.QuerySelector(".form-errors"));
        Assert.Equal("Second editor's title", page.QuerySelector("input#Title")?.GetAttribute("value"));
        Assert.Equal("The second editor's text.", page.Text("textarea#Body"));
        var theirs = page.QuerySelector("section.conflict");
        Assert.NotNull(theirs);
        Assert.Contains("First editor's title", theirs.TextContent, StringComparison.Ordinal);
        Assert.Equal("The first editor's text.", theirs.Text("pre.saved-text"));
        var stored = await LoadAsync(id);
        Assert.Equal(("First editor's title", "The first editor's text.", 2), (stored.Title, stored.BodyMarkdown, stored.Version));

        // The conflict page carries the new version: saving it again, on purpose, succeeds.
        using var resaved = await second.SubmitFormAsync(page, EditUrl(id), new() { ["action"] = "draft" });
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        Assert.Equal("Second editor's title", (await LoadAsync(id)).Title);
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
    public async Task EditorPages_EveryFieldNameAndIdAppearsOnceInItsForm()
    {
        // Two fields with one name post two values and only the first is bound: a choice in the other is lost.
        var (id, _) = await factory.CreateNewsAsync($"Unique fields {Guid.NewGuid():N}", publish: true);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        foreach (var url in new[] { "/admin/news/create", $"/admin/news/{id}/edit" })
        {
            var document = await editor.GetDocumentAsync(url);
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.True(ids.Count == ids.Distinct(StringComparer.Ordinal).Count(), $"{url}: duplicate ids {string.Join(", ", ids.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))}");
            foreach (var form in document.QuerySelectorAll("form"))
            {
                var names = form.QuerySelectorAll("input[name]:not([type=radio]):not([type=checkbox]), select[name], textarea[name]")
                    .Select(e => e.GetAttribute("name")!).ToList();
                Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), $"{url}: a form repeats {string.Join(", ", names.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key))}");
            }
        }
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

    [Theory]
    [InlineData("Accept-Language")]
    [InlineData("cookie")]
    public async Task Create_EmptyTitleUnderATajikInterface_ShowsTheTajikRequiredMessage(string chosenBy)
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var editor = await factory.SignedInClientAsync(staff, acceptLanguage: chosenBy == "cookie" ? "en" : "tg");
        if (chosenBy == "cookie")
        {
            (await editor.GetAsync(new Uri("/language/tg?returnUrl=/admin/news/create", UriKind.Relative))).Dispose();
        }

        var body = $"Body without a title {Guid.NewGuid():N}";
        using var response = await editor.PostFormAsync("/admin/news/create", "/admin/news/create", ArticleForm("", body, "draft"));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Equal("tg", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Майдони «Сарлавҳа» ҳатмист.", page.QuerySelector("#Title")?.ParentElement?.Text(".field-error"));
        Assert.Contains("Майдони «Сарлавҳа» ҳатмист.", page.Text(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(body, page.Text("textarea#Body"));
        Assert.False(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.BodyMarkdown == body)));
    }

    [Fact]
    public async Task Translate_ThroughTheEditPage_CreatesALinkedDraftPrefilledFromTheSource()
    {
        var title = Unique("Заявление коалиции");
        const string Body = "Текст оригинала.\n\n- первый пункт\n- второй пункт";
        var (sourceId, _) = await factory.CreateNewsAsync(title, publish: true, culture: "ru", body: Body);
        var source = await LoadAsync(sourceId);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.SubmitFormAsync(EditUrl(sourceId), $"/admin/news/{sourceId}/translate", new() { ["culture"] = "en" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var translation = await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.TranslatedFromId == sourceId));
        Assert.Equal(EditUrl(translation.Id), response.Headers.Location?.OriginalString);
        Assert.Equal(("en", PublicationStatus.Draft, source.TranslationGroupId), (translation.Culture, translation.Status, translation.TranslationGroupId));
        using var edit = await editor.FollowAsync(response);
        var form = await edit.ParseAsync();
        Assert.Equal(title, form.QuerySelector("input#Title")?.GetAttribute("value"));
        Assert.Equal(Body, form.Text("textarea#Body"));
        Assert.Equal("English", form.QuerySelector("input#Culture")?.GetAttribute("value"));
        Assert.Equal("A draft translation was created from the original. Translate the text, then publish it.", form.Text("main > .notice"));
        Assert.Equal(["RU", "TG missing", "EN"], Languages(form.QuerySelector("#translations-title")!.ParentElement!));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"/en/news/{translation.Slug}"));

        // Translating into the same language again leads to the existing draft instead of a second one.
        using var again = await editor.SubmitFormAsync(EditUrl(sourceId), $"/admin/news/{sourceId}/translate", new() { ["culture"] = "en" });
        Assert.Equal(EditUrl(translation.Id), again.Headers.Location?.OriginalString);
        Assert.Equal(1, await factory.QueryDbAsync(db => db.News.CountAsync(n => n.TranslatedFromId == sourceId)));
    }

    [Fact]
    public async Task Index_SourceTextChangedAfterTranslation_MarksTheTranslationOutdated()
    {
        var ruTitle = Unique("Исходник");
        var enTitle = Unique("Translation");
        var (sourceId, _) = await factory.CreateNewsAsync(ruTitle, publish: true, culture: "ru");
        var (translationId, _) = await factory.TranslateNewsAsync(sourceId, "en", enTitle);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var before = await editor.GetDocumentAsync("/admin/news");
        Assert.Equal(["RU", "TG missing", "EN"], Languages(Row(before, ruTitle)));
        Assert.Equal(["RU", "TG missing", "EN"], Languages(Row(before, enTitle)));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var edited = await editor.SubmitFormAsync(EditUrl(sourceId), EditUrl(sourceId), new() { ["Body"] = "Исправленный текст.", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var after = await editor.GetDocumentAsync("/admin/news");
        Assert.Equal(["RU", "TG missing", "EN (outdated)"], Languages(Row(after, ruTitle)));
        Assert.Equal(["RU", "TG missing", "EN (outdated)"], Languages(Row(after, enTitle)));
        Assert.Equal("outdated", Row(after, enTitle).Text("a.lang-outdated .outdated"));

        // The translator brings the translation up to date.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var updated = await editor.SubmitFormAsync(EditUrl(translationId), EditUrl(translationId), new() { ["Body"] = "Corrected text.", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        }

        var done = await editor.GetDocumentAsync("/admin/news");
        Assert.Equal(["RU", "TG missing", "EN"], Languages(Row(done, enTitle)));
    }

    [Fact]
    public async Task Edit_DraftOfALiveArticle_PublicKeepsTheOldTextUntilPublished()
    {
        var (id, slug) = await factory.CreateNewsAsync(Unique("Live statement"), publish: true, culture: "en", body: "The old text.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var saved = await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "The new text.", ["action"] = "draft" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("The old text.", await PublicBodyAsync($"/en/news/{slug}"));
        var edit = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Equal("The new text.", edit.Text("textarea#Body"));
        Assert.NotNull(edit.QuerySelector(".badge-pending"));

        using var published = await editor.SubmitFormAsync(edit, $"/admin/news/{id}/publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("The new text.", await PublicBodyAsync($"/en/news/{slug}"));
        Assert.Null((await LoadAsync(id)).PendingRevisionId);
    }

    [Fact]
    public async Task Preview_SignedInEditor_ShowsTheWorkingCopyNeitherIndexedNorCached()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Статья с правкой"), publish: true, culture: "ru", body: "Опубликованный текст.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "Правка, которую ещё никто не видел.", ["action"] = "draft" })).Dispose();

        using var response = await editor.GetAsync(new Uri($"/admin/news/{id}/preview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.ParseAsync();
        Assert.Equal("Правка, которую ещё никто не видел.", page.Text(".prose"));
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Preview_Anonymous_RedirectsToLogin()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Secret draft"), publish: false);
        using var visitor = factory.CreateBrowser();

        using var response = await visitor.GetAsync(new Uri($"/admin/news/{id}/preview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.RedirectPath());
    }

    [Fact]
    public async Task History_AfterThreeSaves_ListsThreeRevisionsNewestFirst()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Revised"), publish: false, culture: "en", body: "First line.\n\nSecond line.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "First line.\n\nSecond line, changed.", ["action"] = "draft" })).Dispose();
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "First line.\n\nSecond line, changed.\n\nThird line.", ["action"] = "publish" })).Dispose();

        var history = await editor.GetDocumentAsync($"/admin/news/{id}/history");

        var rows = history.QuerySelectorAll("tbody tr").Select(tr => tr.Text("td a")).ToList();
        Assert.Equal(["r3", "r2", "r1"], rows);
        Assert.Equal(3, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task History_RussianInterface_NamesEachKindOfRevisionInRussian()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("История по-русски"), publish: false);
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var editor = await factory.SignedInClientAsync(staff, acceptLanguage: "ru");
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "Вторая редакция.", ["action"] = "publish" })).Dispose();
        (await editor.SubmitFormAsync($"/admin/news/{id}/revisions/1", $"/admin/news/{id}/revisions/1/restore")).Dispose();

        var history = await editor.GetDocumentAsync($"/admin/news/{id}/history");

        Assert.Equal("ru", history.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            ["восстановлена r1", "сохранено и опубликовано", "сохранено"],
            history.QuerySelectorAll("tbody tr").Select(tr => tr.Children[5].TextContent.Trim()));
    }

    [Fact]
    public async Task Diff_ComparedFromTheHistoryPage_MarksTheChangedWordsWithinTheLine()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Compared"), publish: false, culture: "en", body: "Kept line.\n\nOld wording.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "Kept line.\n\nNew wording.", ["action"] = "draft" })).Dispose();
        var history = await editor.GetDocumentAsync($"/admin/news/{id}/history");
        var compare = history.FormFields($"/admin/news/{id}/diff");

        var diff = await editor.GetDocumentAsync($"/admin/news/{id}/diff?from={compare["from"]}&to={compare["to"]}");

        Assert.Equal(("1", "2"), (compare["from"], compare["to"]));
        var changed = Assert.Single(diff.QuerySelectorAll(".diff-row.diff-changed"));
        Assert.Contains("New", Assert.Single(changed.QuerySelectorAll("ins")).TextContent, StringComparison.Ordinal);
        Assert.Contains("Old", Assert.Single(changed.QuerySelectorAll("del")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(diff.QuerySelectorAll("ins, del"), e => e.TextContent.Contains("wording", StringComparison.Ordinal));
        Assert.DoesNotContain(diff.QuerySelectorAll("ins, del"), e => e.TextContent.Contains("Kept line.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoreRevision_AnOldOne_AddsANewRevisionAndTheFormShowsItsText()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Restorable"), publish: false, culture: "en", body: "The first version.");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await editor.SubmitFormAsync(EditUrl(id), EditUrl(id), new() { ["Body"] = "The second version.", ["action"] = "draft" })).Dispose();
        var before = await RevisionCountAsync(id);

        using var response = await editor.SubmitFormAsync($"/admin/news/{id}/revisions/1", $"/admin/news/{id}/revisions/1/restore");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await RevisionCountAsync(id));
        var edit = await editor.GetDocumentAsync(EditUrl(id));
        Assert.Equal("The first version.", edit.Text("textarea#Body"));
        var history = await editor.GetDocumentAsync($"/admin/news/{id}/history");
        Assert.Equal($"r{before + 1}", history.Text("tbody tr td a"));
        Assert.Equal("restored r1", history.QuerySelector("tbody tr")!.Children[5].TextContent.Trim());
    }

    [Fact]
    public async Task Delete_ThenRestoreFromTheTrash_ArticleIsBackWithItsTranslationLinks()
    {
        var ruTitle = Unique("В корзину и обратно");
        var (ruId, ruSlug) = await factory.CreateNewsAsync(ruTitle, publish: true, culture: "ru");
        var (_, enSlug) = await factory.TranslateNewsAsync(ruId, "en", Unique("To the trash and back"));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using (var deleted = await editor.SubmitFormAsync($"/admin/news/{ruId}/delete", $"/admin/news/{ruId}/delete"))
        {
            Assert.Equal("/admin/news", deleted.RedirectPath());
        }

        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"/ru/news/{ruSlug}"));
        Assert.DoesNotContain(ruTitle, (await editor.GetDocumentAsync("/admin/news")).Body!.TextContent, StringComparison.Ordinal);
        var trash = await editor.GetDocumentAsync("/admin/news/trash");
        Assert.Contains(trash.QuerySelectorAll("tbody td"), td => td.TextContent.Trim() == ruTitle);
        using var visitor = factory.CreateBrowser();
        var english = await visitor.GetDocumentAsync($"/en/news/{enSlug}");
        Assert.Null(english.QuerySelector("head link[hreflang=ru]"));

        using (var restored = await editor.SubmitFormAsync(trash, $"/admin/news/{ruId}/restore"))
        {
            Assert.Equal(EditUrl(ruId), restored.Headers.Location?.OriginalString);
        }

        var russian = await visitor.GetDocumentAsync($"/ru/news/{ruSlug}");
        Assert.Equal($"http://localhost/en/news/{enSlug}", russian.QuerySelector("head link[hreflang=en]")?.GetAttribute("href"));
        english = await visitor.GetDocumentAsync($"/en/news/{enSlug}");
        Assert.Equal($"http://localhost/ru/news/{ruSlug}", english.QuerySelector("head link[hreflang=ru]")?.GetAttribute("href"));
        Assert.DoesNotContain(ruTitle, (await editor.GetDocumentAsync("/admin/news/trash")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_ByAnEditor_IsDeniedAndTheArticleStays()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Not for editors to purge"), publish: true);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        (await editor.SubmitFormAsync($"/admin/news/{id}/delete", $"/admin/news/{id}/delete")).Dispose();
        var trash = await editor.GetDocumentAsync("/admin/news/trash");
        Assert.Null(trash.QuerySelector($"form[action='/admin/news/{id}/purge']"));

        using var response = await editor.PostFormAsync("/admin/news/trash", $"/admin/news/{id}/purge", []);

        await AssertDeniedAsync(editor, response);
        Assert.True(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.Id == id && n.DeletedUtc != null)));
    }

    [Fact]
    public async Task Purge_ByAnAdministrator_DeletesTheArticleAndItsHistoryForGood()
    {
        var (id, _) = await factory.CreateNewsAsync(Unique("Purged"), publish: true);
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        (await admin.SubmitFormAsync($"/admin/news/{id}/delete", $"/admin/news/{id}/delete")).Dispose();

        using var response = await admin.SubmitFormAsync("/admin/news/trash", $"/admin/news/{id}/purge");

        Assert.Equal("/admin/news/trash", response.RedirectPath());
        Assert.False(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.Id == id)));
        Assert.Equal(0, await RevisionCountAsync(id));
    }
}
