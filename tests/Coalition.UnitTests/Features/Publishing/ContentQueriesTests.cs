using Coalition.Data.Entities;
using Coalition.UnitTests.TestSupport;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class ContentQueriesTests : IDisposable
{
    private readonly SqliteInMemoryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(25, 10)]
    [InlineData(30, 10)]
    [InlineData(7, 3)]
    public async Task ListPublicAsync_EveryPage_MatchesTheNewestFirstOrder_IncludingPagesReadFromTheOldestEnd(int count, int pageSize)
    {
        var editor = _database.CreateEditor<NewsArticle>(_clock);
        for (var i = 0; i < count; i++)
        {
            await editor.CreateAsync(new ContentInput("ru", $"Статья {i}", $"article-{i}", null, "Текст.", 0), SaveAction.Publish, null);
            _clock.Advance(TimeSpan.FromMinutes(i % 3)); // some share a publish time: the id breaks the tie
        }

        var expected = Enumerable.Range(0, count).Reverse().Select(i => $"article-{i}").ToList();
        var seen = new List<string>();
        var queries = _database.CreateQueries(_clock);
        var pages = (count + pageSize - 1) / pageSize;
        for (var page = 1; page <= pages; page++)
        {
            var list = await queries.ListPublicAsync<NewsArticle>("ru", page, pageSize);
            Assert.Equal(count, list.Total);
            Assert.Equal(pages, list.PageCount);
            seen.AddRange(list.Items.Select(x => x.Slug));
        }

        Assert.Equal(expected, seen);
        Assert.Empty((await queries.ListPublicAsync<NewsArticle>("ru", pages + 1, pageSize)).Items);
    }
}
