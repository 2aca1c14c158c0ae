using System.Collections.Concurrent;
using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Operations;

/// <summary>The restore drill of docs/operations.md, on the demo site: back up while editors write, restore elsewhere, start the app on it.</summary>
public sealed class BackupRestoreTests(DemoCoalitionAppFactory source) : IClassFixture<DemoCoalitionAppFactory>, IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"coalition-drill-{Guid.NewGuid():N}");

    [Fact]
    public async Task BackupUnderWriteLoad_RestoredElsewhere_EveryItemAndMediaFileIsServed()
    {
        var backup = Path.Combine(_scratch, "backup");
        var written = new ConcurrentQueue<(int Id, string Slug, string Title)>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"Drill article {i} {Guid.NewGuid():N}";
                var (id, slug) = await source.CreateNewsAsync(title, publish: true, culture: "en");
                written.Enqueue((id, slug, title));
            }
        });
        while (written.Count < 5)
        {
            await Task.Delay(10); // waits for the load to run, not for time to pass: the app's clock stands still
        }

        var before = written.ToArray();
        var output = new StringWriter();
        var exit = await CoalitionCommands.RunAsync(["backup", "--to", backup, .. SourceSettings()], output);
        var during = written.Count - before.Length;
        await stop.CancelAsync();
        await load;

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("database: ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Backup complete", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("integrity ok", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(backup, BackupManifest.FileName)));

        var target = Path.Combine(_scratch, "restored");
        var restoreOutput = new StringWriter();
        exit = await CoalitionCommands.RunAsync(["restore", "--from", backup, .. TargetSettings(target)], restoreOutput);
        Assert.True(exit == 0, restoreOutput.ToString());
        Assert.Contains("Restore complete", restoreOutput.ToString(), StringComparison.Ordinal);

        var sourceMedia = await source.QueryDbAsync(db => db.Media.AsNoTracking().ToListAsync());
        var sourcePages = await source.QueryDbAsync(db => db.Pages.AsNoTracking().Select(p => p.Slug + "/" + p.Culture).ToListAsync());
        using var restored = new RestoredAppFactory(Path.Combine(target, "coalition.db"), Path.Combine(target, "media"));
        using var client = restored.CreateBrowser();
        var news = await restored.QueryDbAsync(db => db.News.AsNoTracking().ToListAsync());
        foreach (var item in before)
        {
            Assert.Contains(news, n => n.Id == item.Id && n.Title == item.Title);
        }

        Assert.True(news.Count >= before.Length, $"{news.Count} articles restored, {before.Length} written before the backup, {during} during it");
        foreach (var item in news.Where(n => n.Status == PublicationStatus.Published && n.DeletedUtc is null))
        {
            using var page = await client.GetAsync(new Uri($"/{item.Culture}/news/{item.Slug}", UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"/{item.Culture}/news/{item.Slug}: {(int)page.StatusCode}");
            using var document = await page.ParseAsync();
            Assert.Equal(item.Title, document.QuerySelector("h1")?.TextContent.Trim());
        }

        Assert.Equal(sourcePages.Order(), (await restored.QueryDbAsync(db => db.Pages.AsNoTracking().Select(p => p.Slug + "/" + p.Culture).ToListAsync())).Order());
        Assert.NotEmpty(sourceMedia);
        Assert.Equal(sourceMedia.Select(m => m.StorageKey).Order(), (await restored.QueryDbAsync(db => db.Media.AsNoTracking().Select(m => m.StorageKey).ToListAsync())).Order());
        using var sourceClient = source.CreateBrowser();
        foreach (var name in sourceMedia.SelectMany(MediaLibrary.StoredFiles))
        {
            using var served = await client.GetAsync(new Uri($"/media/{name}", UriKind.Relative));
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"/media/{name}: {(int)served.StatusCode}");
            var original = await sourceClient.GetByteArrayAsync(new Uri($"/media/{name}", UriKind.Relative));
            Assert.Equal(original, await served.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Restore_DataFolderNotEmpty_RefusesUnlessForced()
    {
        var backup = Path.Combine(_scratch, "backup");
        Assert.Equal(0, await CoalitionCommands.RunAsync(["backup", "--to", backup, .. SourceSettings()], TextWriter.Null));
        var target = Path.Combine(_scratch, "restored");
        Assert.Equal(0, await CoalitionCommands.RunAsync(["restore", "--from", backup, .. TargetSettings(target)], TextWriter.Null));

        var refused = new StringWriter();
        var exit = await CoalitionCommands.RunAsync(["restore", "--from", backup, .. TargetSettings(target)], refused);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CoalitionCommands.RunAsync(["restore", "--from", backup, "--force", .. TargetSettings(target)], TextWriter.Null));
    }

    [Fact]
    public async Task Restore_DamagedMediaFile_RefusesBeforeWritingAnything()
    {
        var backup = Path.Combine(_scratch, "backup");
        Assert.Equal(0, await CoalitionCommands.RunAsync(["backup", "--to", backup, .. SourceSettings()], TextWriter.Null));
        var damaged = Directory.EnumerateFiles(Path.Combine(backup, BackupManifest.MediaFolder), "*", SearchOption.AllDirectories).First();
        var bytes = await File.ReadAllBytesAsync(damaged);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);
        var target = Path.Combine(_scratch, "restored");

        var output = new StringWriter();
        var exit = await CoalitionCommands.RunAsync(["restore", "--from", backup, .. TargetSettings(target)], output);

        Assert.Equal(1, exit);
        Assert.Contains("does not match its checksum", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "coalition.db")));
    }

    [Fact]
    public async Task Backup_FolderNotEmpty_RefusesAndNamesTheFolder()
    {
        Directory.CreateDirectory(_scratch);
        await File.WriteAllTextAsync(Path.Combine(_scratch, "older.txt"), "older backup");

        var output = new StringWriter();
        var exit = await CoalitionCommands.RunAsync(["backup", "--to", _scratch, .. SourceSettings()], output);

        Assert.Equal(1, exit);
        Assert.Contains($"{_scratch} is not empty", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WithoutFrom_PrintsUsage()
    {
        var output = new StringWriter();

        var exit = await CoalitionCommands.RunAsync(["restore"], output);

        Assert.Equal(2, exit);
        Assert.Contains("restore needs --from DIR", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    /// <summary>The command-line settings that point a command at the running test app's database and media folder.</summary>
    private string[] SourceSettings()
    {
        _ = source.Services; // started: migrated and seeded
        return ["--Database:Provider=Sqlite", $"--ConnectionStrings:Coalition=Data Source={source.DatabasePath}", $"--Media:DataFolder={source.MediaFolder}"];
    }

    private static string[] TargetSettings(string folder) =>
        ["--Database:Provider=Sqlite", $"--ConnectionStrings:Coalition=Data Source={Path.Combine(folder, "coalition.db")}", $"--Media:DataFolder={Path.Combine(folder, "media")}"];

    /// <summary>The app started on a restored database and media folder.</summary>
    private sealed class RestoredAppFactory(string databasePath, string mediaFolder) : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Coalition"] = $"Data Source={databasePath}",
        ["Media:DataFolder"] = mediaFolder,
    });
}
