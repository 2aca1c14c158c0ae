using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Search;

namespace Coalition.IntegrationTests.Features.Search;

/// <summary>An index that is missing or unreadable is rebuilt from the database, not trusted and not fatal.</summary>
public sealed class SearchIndexRebuildTests
{
    [Fact]
    public async Task CatchUp_CorruptIndexFolder_RebuildsFromTheDatabase()
    {
        using var factory = new CoalitionAppFactory();
        // Garbage where the index should be: a segments file that is not one, and a stray data file.
        Directory.CreateDirectory(factory.SearchIndexFolder);
        await File.WriteAllBytesAsync(Path.Combine(factory.SearchIndexFolder, "segments_2"), [0x3f, 0xd7, 0x6c, 0x17, 0x00, 0x01, 0x02]);
        await File.WriteAllTextAsync(Path.Combine(factory.SearchIndexFolder, "_0.cfs"), "not a compound file");
        await SeedDirectlyAsync(factory, "Rebuilt zqcorrupt");

        var index = factory.Service<SearchIndex>();
        await index.CatchUpAsync();

        Assert.True(index.StartedEmpty, "the corrupt index was trusted");
        Assert.True(await FindsAsync(factory, "zqcorrupt"));
    }

    [Fact]
    public async Task CatchUp_NoIndexFolder_BuildsItOnDiskFromTheDatabase()
    {
        using var factory = new CoalitionAppFactory();
        Assert.False(Directory.Exists(factory.SearchIndexFolder));
        await SeedDirectlyAsync(factory, "Fresh zqmissing");

        var index = factory.Service<SearchIndex>();
        await index.CatchUpAsync();

        Assert.True(await FindsAsync(factory, "zqmissing"));
        Assert.Equal(Path.GetFullPath(factory.SearchIndexFolder), index.FolderInUse);
        Assert.True(Directory.EnumerateFiles(index.FolderInUse!, "segments_*").Any(), "nothing was written to disk");
    }

    /// <summary>Rows written without the editor (as a restore from backup would), so only a rebuild can find them.</summary>
    private static Task SeedDirectlyAsync(CoalitionAppFactory factory, string title) => factory.ExecuteDbAsync(async db =>
    {
        db.Set<NewsArticle>().Add(new NewsArticle
        {
            Culture = "ru",
            Slug = "seeded-" + Guid.NewGuid().ToString("N")[..8],
            Title = title,
            BodyMarkdown = "Text.",
            BodyHtml = "<p>Text.</p>",
            Status = PublicationStatus.Published,
            PublishedUtc = factory.UtcNow.AddDays(-1),
            CreatedUtc = factory.UtcNow,
            UpdatedUtc = factory.UtcNow,
            ContentChangedUtc = factory.UtcNow,
            Version = 1,
        });
        await db.SaveChangesAsync();
    });

    private static async Task<bool> FindsAsync(CoalitionAppFactory factory, string word)
    {
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/ru/search?q=" + word);
        return page.QuerySelectorAll(".search-results li").Length == 1;
    }
}
