using Coalition.Data.Entities;
using Coalition.UnitTests.TestSupport;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class ContentAdminQueriesTests : IDisposable
{
    private readonly SqliteInMemoryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private ContentEditor<NewsArticle> Editor() => _database.CreateEditor<NewsArticle>(_clock);

    private async Task<TranslationState> StateAsync(int sourceId, string culture)
    {
        var editor = Editor();
        var source = await editor.FindAsync(sourceId);
        var states = await new ContentAdminQueries(_database.CreateContext(), _clock).TranslationsOfAsync<NewsArticle>(source!.TranslationGroupId);
        return Assert.Single(states, s => s.Culture == culture);
    }

    /// <summary>A Russian article and its Tajik translation, made an hour later.</summary>
    private async Task<(int Source, int Translation)> ArticleWithTranslationAsync()
    {
        var source = await Editor().CreateAsync(new ContentInput("ru", "Новость", null, "Кратко", "Текст", 0), SaveAction.Publish, "editor");
        _clock.Advance(TimeSpan.FromHours(1));
        var translation = await Editor().CreateTranslationAsync(source.Id, "tg", "translator");
        Assert.True(translation.Succeeded);
        return (source.Id, translation.Id);
    }

    [Fact]
    public async Task TranslationsOfAsync_FreshTranslation_IsNotOutdated()
    {
        var (source, _) = await ArticleWithTranslationAsync();

        var state = await StateAsync(source, "tg");

        Assert.False(state.Outdated);
        Assert.Equal("ru", state.SourceCulture);
        Assert.Equal(PublicationStatus.Draft, state.Status);
    }

    [Fact]
    public async Task TranslationsOfAsync_SourceTextChangedLater_MarksTheTranslationOutdated()
    {
        var (source, _) = await ArticleWithTranslationAsync();

        _clock.Advance(TimeSpan.FromHours(1));
        var saved = await Editor().UpdateAsync(source, new ContentInput("ru", "Новость", null, "Кратко", "Текст, исправленный", 1), SaveAction.Draft, "editor");
        Assert.True(saved.Succeeded);

        Assert.True((await StateAsync(source, "tg")).Outdated);
        Assert.False((await StateAsync(source, "ru")).Outdated);
    }

    [Fact]
    public async Task TranslationsOfAsync_TranslationSavedAfterTheChange_IsNoLongerOutdated()
    {
        var (source, translation) = await ArticleWithTranslationAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await Editor().UpdateAsync(source, new ContentInput("ru", "Новость (обновлено)", null, "Кратко", "Текст", 1), SaveAction.Draft, "editor");
        Assert.True((await StateAsync(source, "tg")).Outdated);

        _clock.Advance(TimeSpan.FromHours(1));
        var saved = await Editor().UpdateAsync(translation, new ContentInput("tg", "Хабар (навсозӣ)", null, "Мухтасар", "Матн", 1), SaveAction.Draft, "translator");

        Assert.True(saved.Succeeded);
        Assert.False((await StateAsync(source, "tg")).Outdated);
    }

    [Fact]
    public async Task TranslationsOfAsync_SourceSavedWithTheSameText_DoesNotOutdateTheTranslation()
    {
        var (source, _) = await ArticleWithTranslationAsync();

        _clock.Advance(TimeSpan.FromHours(1));
        await Editor().UpdateAsync(source, new ContentInput("ru", "Новость", null, "Кратко", "Текст", 1), SaveAction.Publish, "editor");

        Assert.False((await StateAsync(source, "tg")).Outdated);
    }

    [Fact]
    public async Task ListAsync_CultureFilter_ListsThatCultureWithEveryTranslation()
    {
        var (source, translation) = await ArticleWithTranslationAsync();

        var rows = await new ContentAdminQueries(_database.CreateContext(), _clock).ListAsync<NewsArticle>("tg", 1, 50);

        var row = Assert.Single(rows.Items);
        Assert.Equal(translation, row.Id);
        Assert.Equal(source, row.In("ru")?.Id);
        Assert.Null(row.In("en"));
    }
}
