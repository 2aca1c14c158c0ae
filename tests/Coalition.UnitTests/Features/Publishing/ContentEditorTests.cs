using Coalition.Data.Entities;
using Coalition.UnitTests.TestSupport;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class ContentEditorTests : IDisposable
{
    private const string EditorId = "editor-1";

    private readonly SqliteInMemoryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    /// <summary>An editor on a fresh context, as one request of the app would have.</summary>
    private ContentEditor<NewsArticle> Editor() => _database.CreateEditor<NewsArticle>(_clock);

    private ContentQueries Queries() => _database.CreateQueries(_clock);

    private async Task<NewsArticle> StoredAsync(int id) =>
        await _database.CreateContext().News.AsNoTracking().SingleAsync(x => x.Id == id);

    private static ContentInput Input(string title, string? slug = null, string culture = "ru", int version = 0, string body = "Text of the article.") =>
        new(culture, title, slug, Summary: null, body, version);

    private async Task<int> CreatedAsync(ContentInput input, bool publish)
    {
        var result = await Editor().CreateAsync(input, publish ? SaveAction.Publish : SaveAction.Draft, EditorId);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    [Fact]
    public async Task CreateAsync_Draft_IsStoredButNotPublic()
    {
        var id = await CreatedAsync(Input("Черновик новости"), publish: false);

        var stored = await StoredAsync(id);
        Assert.Equal(PublicationStatus.Draft, stored.Status);
        Assert.Null(stored.PublishedUtc);
        Assert.Equal(1, stored.Version);
        Assert.Equal(EditorId, stored.CreatedById);
        var lookup = await Queries().FindPublicAsync<NewsArticle>("ru", stored.Slug);
        Assert.Null(lookup.Item);
        Assert.Null(lookup.RedirectSlug);
        Assert.Equal(0, (await Queries().ListPublicAsync<NewsArticle>("ru", 1, 10)).Total);
    }

    [Fact]
    public async Task CreateAsync_Publish_IsPublicAtOnce()
    {
        var id = await CreatedAsync(Input("Опубликованная новость", body: "**Важно**"), publish: true);

        var stored = await StoredAsync(id);
        Assert.Equal(PublicationStatus.Published, stored.Status);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, stored.PublishedUtc);
        Assert.Equal("<p><strong>Важно</strong></p>", stored.BodyHtml.Trim());
        var lookup = await Queries().FindPublicAsync<NewsArticle>("ru", stored.Slug);
        Assert.Equal(id, lookup.Item?.Id);
        var list = await Queries().ListPublicAsync<NewsArticle>("ru", 1, 10);
        Assert.Equal([id], list.Items.Select(x => x.Id));
        Assert.Empty((await Queries().ListPublicAsync<NewsArticle>("en", 1, 10)).Items);
    }

    [Fact]
    public async Task SetPublishedAsync_DraftThenPublishedThenUnpublished_FollowsVisibility()
    {
        var id = await CreatedAsync(Input("Новость о суде"), publish: false);
        var slug = (await StoredAsync(id)).Slug;

        Assert.True((await Editor().SetPublishedAsync(id, published: true, EditorId)).Succeeded);
        Assert.NotNull((await Queries().FindPublicAsync<NewsArticle>("ru", slug)).Item);

        Assert.True((await Editor().SetPublishedAsync(id, published: false, EditorId)).Succeeded);
        Assert.Null((await Queries().FindPublicAsync<NewsArticle>("ru", slug)).Item);
        var stored = await StoredAsync(id);
        Assert.Equal(PublicationStatus.Draft, stored.Status);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task SetPublishedAsync_Republish_KeepsTheFirstPublicationDate()
    {
        var id = await CreatedAsync(Input("Новость"), publish: true);
        var first = (await StoredAsync(id)).PublishedUtc;

        _clock.Advance(TimeSpan.FromDays(3));
        await Editor().SetPublishedAsync(id, published: false, EditorId);
        await Editor().SetPublishedAsync(id, published: true, EditorId);

        Assert.Equal(first, (await StoredAsync(id)).PublishedUtc);
    }

    [Fact]
    public async Task CreateAsync_WithoutSlug_TransliteratesTheTitle()
    {
        var id = await CreatedAsync(Input("Рӯзи ҳуқуқи инсон", culture: "tg"), publish: false);

        Assert.Equal("ruzi-huquqi-inson", (await StoredAsync(id)).Slug);
    }

    [Fact]
    public async Task CreateAsync_SameTitleAgain_NumbersTheSlug()
    {
        var first = await CreatedAsync(Input("Права человека"), publish: true);
        var second = await CreatedAsync(Input("Права человека"), publish: false);
        var third = await CreatedAsync(Input("Права человека"), publish: false);

        Assert.Equal("prava-cheloveka", (await StoredAsync(first)).Slug);
        Assert.Equal("prava-cheloveka-2", (await StoredAsync(second)).Slug);
        Assert.Equal("prava-cheloveka-3", (await StoredAsync(third)).Slug);
    }

    [Fact]
    public async Task CreateAsync_SameTitleInAnotherCulture_KeepsThePlainSlug()
    {
        await CreatedAsync(Input("Report 2026", culture: "en"), publish: false);
        var ru = await CreatedAsync(Input("Report 2026", culture: "ru"), publish: false);

        Assert.Equal("report-2026", (await StoredAsync(ru)).Slug);
    }

    [Fact]
    public async Task CreateAsync_ExplicitSlugTaken_ReturnsSlugTakenAndStoresNothing()
    {
        await CreatedAsync(Input("Первая", slug: "human-rights-day"), publish: true);

        var result = await Editor().CreateAsync(Input("Вторая", slug: "human-rights-day"), SaveAction.Publish, EditorId);

        Assert.Equal(SaveOutcome.SlugTaken, result.Outcome);
        Assert.Equal(1, await _database.CreateContext().News.CountAsync());
    }

    [Fact]
    public async Task CreateAsync_ExplicitSlug_IsTrimmedAndLowercased()
    {
        var id = await CreatedAsync(Input("Day", slug: "  Human-Rights-Day "), publish: false);

        Assert.Equal("human-rights-day", (await StoredAsync(id)).Slug);
    }

    [Theory]
    [InlineData("права-человека")]
    [InlineData("human--rights")]
    [InlineData("-human")]
    [InlineData("human rights")]
    [InlineData("human_rights")]
    [InlineData("../admin")]
    public async Task CreateAsync_InvalidSlug_ReturnsInvalidSlugAndStoresNothing(string slug)
    {
        var result = await Editor().CreateAsync(Input("Title", slug: slug), SaveAction.Publish, EditorId);

        Assert.Equal(SaveOutcome.InvalidSlug, result.Outcome);
        Assert.Equal(0, await _database.CreateContext().News.CountAsync());
    }

    [Fact]
    public async Task UpdateAsync_NewSlugOnPublishedItem_OldSlugRedirectsToTheNewOne()
    {
        var id = await CreatedAsync(Input("Report", slug: "old-address"), publish: true);

        var result = await Editor().UpdateAsync(id, Input("Report", slug: "new-address", version: 1), SaveAction.Publish, EditorId);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var queries = Queries();
        var old = await queries.FindPublicAsync<NewsArticle>("ru", "old-address");
        Assert.Null(old.Item);
        Assert.Equal("new-address", old.RedirectSlug);
        Assert.Equal(id, (await queries.FindPublicAsync<NewsArticle>("ru", "new-address")).Item?.Id);
        var redirect = await _database.CreateContext().SlugRedirects.SingleAsync();
        Assert.Equal(("NewsArticle", "ru", "old-address", id), (redirect.ContentType, redirect.Culture, redirect.OldSlug, redirect.ItemId));
    }

    [Fact]
    public async Task UpdateAsync_NewSlugOnNeverPublishedDraft_LeavesNoRedirect()
    {
        var id = await CreatedAsync(Input("Report", slug: "first-try"), publish: false);

        await Editor().UpdateAsync(id, Input("Report", slug: "second-try", version: 1), SaveAction.Draft, EditorId);

        Assert.Equal("second-try", (await StoredAsync(id)).Slug);
        Assert.Empty(await _database.CreateContext().SlugRedirects.ToListAsync());
    }

    [Fact]
    public async Task CreateAsync_SlugThatWasRedirecting_TakesOverTheAddress()
    {
        var moved = await CreatedAsync(Input("Report", slug: "annual-report"), publish: true);
        await Editor().UpdateAsync(moved, Input("Report", slug: "annual-report-2025", version: 1), SaveAction.Publish, EditorId);

        var fresh = await CreatedAsync(Input("New report", slug: "annual-report"), publish: true);

        var lookup = await Queries().FindPublicAsync<NewsArticle>("ru", "annual-report");
        Assert.Equal(fresh, lookup.Item?.Id);
        Assert.Empty(await _database.CreateContext().SlugRedirects.ToListAsync());
    }

    [Fact]
    public async Task UpdateAsync_BlankSlugOnPublishedItem_KeepsItsAddress()
    {
        var id = await CreatedAsync(Input("Original title"), publish: true);

        await Editor().UpdateAsync(id, Input("A completely new title", slug: null, version: 1), SaveAction.Publish, EditorId);

        var stored = await StoredAsync(id);
        Assert.Equal("original-title", stored.Slug);
        Assert.Equal("A completely new title", stored.Title);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ReturnsConflictAndKeepsTheStoredText()
    {
        var id = await CreatedAsync(Input("Version one"), publish: false);
        Assert.True((await Editor().UpdateAsync(id, Input("Saved by editor A", version: 1), SaveAction.Draft, "editor-a")).Succeeded);

        // Editor B loaded version 1 before A saved.
        var result = await Editor().UpdateAsync(id, Input("Saved by editor B", version: 1, body: "B's text"), SaveAction.Publish, "editor-b");

        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal("Saved by editor A", stored.Title);
        Assert.Equal("Text of the article.", stored.BodyMarkdown);
        Assert.Equal(PublicationStatus.Draft, stored.Status);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task UpdateAsync_RowChangedBetweenLoadAndSave_ReturnsConflict()
    {
        var id = await CreatedAsync(Input("Version one"), publish: false);
        var editor = Editor();
        Assert.NotNull(await editor.FindAsync(id)); // this request has loaded version 1

        await _database.CreateContext().News.Where(x => x.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Title, "Saved meanwhile").SetProperty(x => x.Version, 2));
        var result = await editor.UpdateAsync(id, Input("Late save", version: 1), SaveAction.Draft, EditorId);

        Assert.Equal(SaveOutcome.Conflict, result.Outcome);
        Assert.Equal("Saved meanwhile", (await StoredAsync(id)).Title);
    }

    [Fact]
    public async Task UpdateAsync_CurrentVersion_SavesAndIncrementsTheVersion()
    {
        var id = await CreatedAsync(Input("Version one"), publish: false);

        var result = await Editor().UpdateAsync(id, Input("Version two", version: 1, body: "## New"), SaveAction.Publish, EditorId);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var stored = await StoredAsync(id);
        Assert.Equal(("Version two", 2, PublicationStatus.Published), (stored.Title, stored.Version, stored.Status));
        Assert.Equal("<h2>New</h2>", stored.BodyHtml.Trim());
    }

    [Fact]
    public async Task UpdateAsync_UnknownId_ReturnsNotFound() =>
        Assert.Equal(SaveOutcome.NotFound, (await Editor().UpdateAsync(404, Input("x", version: 1), SaveAction.Draft, EditorId)).Outcome);

    [Fact]
    public async Task CreateTranslationAsync_MakesALinkedDraftInTheTargetCulture()
    {
        var source = await CreatedAsync(Input("Права человека", body: "Текст"), publish: true);

        var result = await Editor().CreateTranslationAsync(source, "tg", EditorId);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var original = await StoredAsync(source);
        var translation = await StoredAsync(result.Id);
        Assert.Equal("tg", translation.Culture);
        Assert.Equal(original.TranslationGroupId, translation.TranslationGroupId);
        Assert.Equal(source, translation.TranslatedFromId);
        Assert.Equal(PublicationStatus.Draft, translation.Status);
        Assert.Equal(("Права человека", "Текст"), (translation.Title, translation.BodyMarkdown));
        Assert.Null((await Queries().FindPublicAsync<NewsArticle>("tg", translation.Slug)).Item);
    }

    [Fact]
    public async Task CreateTranslationAsync_SecondTime_ReturnsCultureTakenWithTheExistingId()
    {
        var source = await CreatedAsync(Input("Права человека"), publish: true);
        var first = await Editor().CreateTranslationAsync(source, "en", EditorId);

        var second = await Editor().CreateTranslationAsync(source, "en", EditorId);

        Assert.Equal(SaveOutcome.CultureTaken, second.Outcome);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, await _database.CreateContext().News.CountAsync());
    }

    [Fact]
    public async Task CreateTranslationAsync_UnknownSourceOrCulture_ReturnsNotFound()
    {
        var source = await CreatedAsync(Input("Права человека"), publish: true);

        Assert.Equal(SaveOutcome.NotFound, (await Editor().CreateTranslationAsync(404, "en", EditorId)).Outcome);
        Assert.Equal(SaveOutcome.NotFound, (await Editor().CreateTranslationAsync(source, "de", EditorId)).Outcome);
    }

    [Fact]
    public async Task TrashAsync_OneTranslation_LeavesTheOthers()
    {
        var ru = await CreatedAsync(Input("Новость"), publish: true);
        var tg = (await Editor().CreateTranslationAsync(ru, "tg", EditorId)).Id;
        var en = (await Editor().CreateTranslationAsync(ru, "en", EditorId)).Id;

        Assert.True(await Editor().TrashAsync(tg));

        var left = await _database.CreateContext().News.AsNoTracking().Where(x => x.DeletedUtc == null).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync();
        Assert.Equal([ru, en], left);
        Assert.False(await Editor().TrashAsync(tg));
    }

    [Fact]
    public async Task PurgeAsync_ItemWithOldSlug_RemovesItsRedirect()
    {
        var id = await CreatedAsync(Input("Report", slug: "old-address"), publish: true);
        await Editor().UpdateAsync(id, Input("Report", slug: "new-address", version: 1), SaveAction.Publish, EditorId);

        await Editor().TrashAsync(id);
        await Editor().PurgeAsync(id);

        var lookup = await Queries().FindPublicAsync<NewsArticle>("ru", "old-address");
        Assert.Equal((null, null), (lookup.Item, lookup.RedirectSlug));
        Assert.Empty(await _database.CreateContext().SlugRedirects.ToListAsync());
    }
}
