using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Search;

/// <summary>The index follows publishing: what the search page finds is what the public may see, at the app's clock.</summary>
public sealed class SearchIndexTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Search_EachPublishingTransition_FindsTheItemOnlyWhilePublic()
    {
        var word = UniqueWord();
        await factory.Service<SearchIndex>().CatchUpAsync();
        var (id, slug) = await factory.CreateNewsAsync($"Заседание {word}", publish: false);
        Assert.False(await FindsAsync(word, slug), "a draft is found");

        await EditAsync(e => e.SetPublishedAsync(id, true, null));
        Assert.True(await FindsAsync(word, slug), "a published item is not found");

        await EditAsync(e => e.SetPublishedAsync(id, false, null));
        Assert.False(await FindsAsync(word, slug), "an unpublished item is found");

        await EditAsync(e => e.SetPublishedAsync(id, true, null));
        await EditAsync(async e => await e.TrashAsync(id));
        Assert.False(await FindsAsync(word, slug), "an item in the trash is found");

        await EditAsync(async e => await e.RestoreFromTrashAsync(id));
        Assert.True(await FindsAsync(word, slug), "an item restored from the trash is not found");

        await EditAsync(async e => await e.TrashAsync(id));
        await EditAsync(async e => await e.PurgeAsync(id));
        Assert.False(await FindsAsync(word, slug), "a purged item is found");
    }

    [Fact]
    public async Task Search_ScheduledItem_AppearsWhenTheClockPassesItsTime_WithoutAJob()
    {
        var word = UniqueWord();
        var at = factory.UtcNow.AddHours(2);
        var (id, slug) = await CreateAsync($"Embargo {word}", SaveAction.Schedule, at, null);
        Assert.False(await FindsAsync(word, slug), "a scheduled item is found before its time");

        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await FindsAsync(word, slug), "a scheduled item is not found once its time has come");
        Assert.True(id > 0);
    }

    [Fact]
    public async Task Search_ItemWithAnUnpublishTime_DisappearsWhenItExpires()
    {
        var word = UniqueWord();
        var (_, slug) = await CreateAsync($"Expiring {word}", SaveAction.Publish, null, factory.UtcNow.AddHours(1));
        Assert.True(await FindsAsync(word, slug));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await FindsAsync(word, slug), "an expired item is found");
    }

    [Fact]
    public async Task Search_EditOfALiveItem_FindsTheNewTextOnlyOncePublished()
    {
        var (old, fresh) = (UniqueWord(), UniqueWord());
        var (id, slug) = await factory.CreateNewsAsync($"Article {old}", publish: true);
        var version = await factory.QueryDbAsync(db => Task.FromResult(db.Set<NewsArticle>().Single(x => x.Id == id).Version));

        await EditAsync(e => e.UpdateAsync(id, new ContentInput("ru", $"Article {fresh}", slug, null, "Text.", version), SaveAction.Draft, null));
        Assert.True(await FindsAsync(old, slug), "the live text is no longer found after a draft edit");
        Assert.False(await FindsAsync(fresh, slug), "a pending draft text is found");

        await EditAsync(e => e.SetPublishedAsync(id, true, null));
        Assert.True(await FindsAsync(fresh, slug), "the published new text is not found");
    }

    [Fact]
    public async Task CatchUp_ChangesMadeByAnotherInstance_AreFoundAfterTheNextRound()
    {
        var word = UniqueWord();
        var (id, slug) = await factory.CreateNewsAsync($"Instance {word}", publish: false);
        // The round the app runs at startup must be over first, or it may be the one that finds the change below.
        await factory.Service<SearchIndex>().CatchUpAsync();

        // Another instance publishes it: its listener ran there, not here; only the database changed.
        await factory.ExecuteDbAsync(async db =>
        {
            var item = db.Set<NewsArticle>().Single(x => x.Id == id);
            item.Status = PublicationStatus.Published;
            item.PublishedUtc = factory.UtcNow;
            item.Version++;
            await db.SaveChangesAsync();
        });
        Assert.False(await FindsAsync(word, slug));
        await factory.Service<SearchIndex>().CatchUpAsync();
        Assert.True(await FindsAsync(word, slug), "a change made elsewhere was not caught up");

        // ... and then purges it.
        await factory.ExecuteDbAsync(async db =>
        {
            db.Remove(db.Set<NewsArticle>().Single(x => x.Id == id));
            await db.SaveChangesAsync();
        });
        await factory.Service<SearchIndex>().CatchUpAsync();
        Assert.False(await FindsAsync(word, slug), "an item deleted elsewhere is still found");
    }

    [Fact]
    public async Task Search_OtherLanguages_AreNotMixedIn()
    {
        var word = UniqueWord();
        var (_, slug) = await factory.CreateNewsAsync($"English {word}", publish: true, culture: "en");
        Assert.True(await FindsAsync(word, slug, "en"));
        Assert.False(await FindsAsync(word, slug, "ru"));
    }

    private async Task<(int Id, string Slug)> CreateAsync(string title, SaveAction action, DateTime? at, DateTime? until)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>();
        var result = await editor.CreateAsync(new ContentInput("ru", title, null, null, "Text.", 0, at, until), action, null);
        Assert.True(result.Succeeded, result.Outcome.ToString());
        return (result.Id, (await editor.FindAsync(result.Id))!.Slug);
    }

    private async Task EditAsync<T>(Func<ContentEditor<NewsArticle>, Task<T>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>());
    }

    private async Task<bool> FindsAsync(string word, string slug, string culture = "ru")
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/{culture}/search?q={Uri.EscapeDataString(word)}");
        return page.QuerySelectorAll(".search-results a").Any(a => a.GetAttribute("href") == $"/{culture}/news/{slug}");
    }

    // Latin letters only, so that no analyser splits or stems it: each test finds only its own item.
    private static string UniqueWord() => "zq" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
}
