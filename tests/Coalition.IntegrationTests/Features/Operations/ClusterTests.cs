using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Operations;

/// <summary>
/// Two in-process instances as behind a load balancer: one database, one Redis (rate limits and the output cache),
/// one S3 bucket. What an editor does on A, a visitor of B sees at once, although B has the page in its cache
/// (bench/cluster.sh does the same with real processes and nginx).
/// </summary>
public sealed class ClusterTests(RedisServer redis, S3rverServer s3) : IClassFixture<RedisServer>, IClassFixture<S3rverServer>, IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"coalition-cluster-{Guid.NewGuid():N}.db");

    [SkippableFact]
    public async Task PublishUploadTrash_OnA_SeenOnB()
    {
        redis.SkipIfUnavailable();
        s3.SkipIfUnavailable();
        using var a = new InstanceFactory(Settings());
        _ = a.Services; // A migrates the shared database first
        using var b = new InstanceFactory(Settings());
        var editor = await a.SignedInClientAsync(Roles.Editor);
        using var visitor = b.CreateBrowser("en");

        using (var upload = await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.Jpeg(), "court.jpg"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        // Public only while a published item uses it: the article shows the photo.
        var item = await a.QueryDbAsync(db => db.Media.AsNoTracking().OrderBy(m => m.Id).LastAsync());
        var (id, slug) = await a.CreateNewsAsync("Verdict announced", publish: true, culture: "en", body: $"The court decided.\n\n![Court](/media/{item.StorageKey}-480.jpg)");
        using (var page = await visitor.GetAsync(new Uri($"/en/news/{slug}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("Verdict announced", (await page.ParseAsync()).QuerySelector("h1")!.TextContent.Trim());
        }

        foreach (var name in MediaLibrary.StoredFiles(item))
        {
            var onA = await editor.GetByteArrayAsync(new Uri(MediaUrls.Prefix + name, UriKind.Relative));
            var onB = await visitor.GetByteArrayAsync(new Uri(MediaUrls.Prefix + name, UriKind.Relative));
            Assert.Equal(onA, onB);
        }

        Assert.True(await a.QueryAsync(sp => sp.GetRequiredService<ContentEditor<NewsArticle>>().TrashAsync(id)));
        using (var gone = await visitor.GetAsync(new Uri($"/en/news/{slug}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.StartsWith("RedisOutputCacheStore", b.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().GetType().Name, StringComparison.Ordinal);
        using var ready = await visitor.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{\"mail\":\"Healthy\",\"redis\":\"Healthy\",\"database\":\"Healthy\",\"files\":\"Healthy\"}}", await ready.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = s3.AppSettings($"cluster-{Path.GetFileNameWithoutExtension(_database)}/");
        settings["ConnectionStrings:Coalition"] = $"Data Source={_database}";
        settings["Cache:Redis"] = redis.ConnectionString;
        settings["Cache:KeyPrefix"] = $"{Path.GetFileNameWithoutExtension(_database)}:";
        return settings;
    }

    private sealed class InstanceFactory(Dictionary<string, string?> settings) : CoalitionAppFactory(settings);
}
