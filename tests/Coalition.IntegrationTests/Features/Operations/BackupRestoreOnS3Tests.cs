using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Operations;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Operations;

/// <summary>A restore writes the media through the configured store: here into an S3 bucket (s3rver).</summary>
public sealed class BackupRestoreOnS3Tests(DemoCoalitionAppFactory source, S3rverServer s3) : IClassFixture<DemoCoalitionAppFactory>, IClassFixture<S3rverServer>, IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"coalition-s3drill-{Guid.NewGuid():N}");

    [SkippableFact]
    public async Task Restore_IntoS3_EveryFileInTheBucket_AndASecondRestoreIsRefusedUnlessForced()
    {
        s3.SkipIfUnavailable();
        _ = source.Services;
        var backup = Path.Combine(_scratch, "backup");
        Assert.Equal(0, await CoalitionCommands.RunAsync(
            ["backup", "--to", backup, "--Database:Provider=Sqlite", $"--ConnectionStrings:Coalition=Data Source={source.DatabasePath}", $"--Media:DataFolder={source.MediaFolder}"], TextWriter.Null));
        var prefix = $"drill-{Guid.NewGuid():N}/";
        string[] target = ["--Database:Provider=Sqlite", $"--ConnectionStrings:Coalition=Data Source={Path.Combine(_scratch, "restored.db")}",
            $"--Media:DataFolder={Path.Combine(_scratch, "media")}", .. s3.AppSettings(prefix).Select(kv => $"--{kv.Key}={kv.Value}")];

        var output = new StringWriter();
        Assert.True(await CoalitionCommands.RunAsync(["restore", "--from", backup, .. target], output) == 0, output.ToString());

        using var store = new S3FileStore(Microsoft.Extensions.Options.Options.Create(new MediaOptions
        {
            Store = MediaStoreKind.S3,
            S3 = new S3StoreOptions { Bucket = S3rverServer.Bucket, ServiceUrl = s3.ServiceUrl, AccessKey = S3rverServer.Key, SecretKey = S3rverServer.Key, Prefix = prefix },
        }));
        var names = (await source.QueryDbAsync(db => db.Media.AsNoTracking().ToListAsync())).SelectMany(MediaLibrary.StoredFiles).ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            await using var stored = await store.OpenReadAsync(name);
            Assert.True(stored is not null, $"{name} is not in the bucket");
        }

        File.Delete(Path.Combine(_scratch, "restored.db")); // only the bucket is left occupied
        var refused = new StringWriter();
        Assert.Equal(1, await CoalitionCommands.RunAsync(["restore", "--from", backup, .. target], refused));
        Assert.Contains("the media store already holds", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CoalitionCommands.RunAsync(["restore", "--from", backup, "--force", .. target], TextWriter.Null));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
