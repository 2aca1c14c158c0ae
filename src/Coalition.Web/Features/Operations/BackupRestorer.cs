using System.Diagnostics;
using Coalition.Data;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Operations;

/// <summary>
/// <c>restore --from DIR [--force]</c>, with the site stopped: checks every file of the backup against its manifest
/// before writing anything, refuses a data folder that already holds a database or media files unless forced, then puts
/// the database file in place and writes the media through the file store (local folder or S3 alike).
/// </summary>
public sealed class BackupRestorer(CoalitionDbContext db, IFileStore store, IOptions<MediaOptions> media, IWebHostEnvironment environment)
{
    public async Task<int> RunAsync(string folder, bool force, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        folder = Path.GetFullPath(folder);
        var watch = Stopwatch.StartNew();
        var manifest = await BackupManifest.ReadAsync(folder, ct);
        await VerifyAsync(folder, manifest, output, ct);

        var databasePath = db.Database.IsSqlite() ? new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource : null;
        var occupied = Occupied(databasePath);
        if (store is not LocalFileStore && manifest.Files.FirstOrDefault(f => f.Path != manifest.Database) is { } first)
        {
            // A bucket cannot be listed cheaply; a file of this very backup already in it means it is not empty.
            await using var existing = await store.OpenReadAsync(Path.GetFileName(first.Path), ct);
            if (existing is not null)
            {
                occupied.Add($"the media store already holds {Path.GetFileName(first.Path)}");
            }
        }

        if (occupied.Count > 0 && !force)
        {
            throw new OperationFailedException($"the data folder is not empty ({string.Join("; ", occupied)}). Stop the site, and add --force to overwrite.");
        }

        if (manifest.Database is not null)
        {
            if (databasePath is null)
            {
                throw new OperationFailedException("this backup holds a SQLite database, but Database:Provider is SqlServer: restore it with Database:Provider=Sqlite.");
            }

            RestoreDatabase(Path.Combine(folder, manifest.Database), databasePath);
            await output.WriteLineAsync($"database: restored to {databasePath}");
        }
        else
        {
            await output.WriteLineAsync("database: not in this backup (SQL Server: RESTORE DATABASE, see docs/operations.md)");
        }

        var mediaFiles = manifest.Files.Where(f => f.Path != manifest.Database).ToList();
        long bytes = 0;
        for (var i = 0; i < mediaFiles.Count; i++)
        {
            var name = Path.GetFileName(mediaFiles[i].Path);
            if (force)
            {
                await store.DeleteAsync(name, ct); // over an older copy: the store never overwrites in place
            }

            await using (var file = File.OpenRead(Path.Combine(folder, mediaFiles[i].Path)))
            {
                await store.SaveAsync(name, file, ct);
            }

            bytes += mediaFiles[i].Bytes;
            if ((i + 1) % BackupWriter.ProgressEvery == 0 || i + 1 == mediaFiles.Count)
            {
                await output.WriteLineAsync($"media: {i + 1}/{mediaFiles.Count} files restored, {Checksums.Size(bytes)}");
            }
        }

        await output.WriteLineAsync(FormattableString.Invariant(
            $"Restore complete in {watch.Elapsed.TotalSeconds:0.0} s: backup of {manifest.CreatedUtc:yyyy-MM-dd HH:mm} UTC, {(manifest.Database is null ? "no database" : "database")}, {mediaFiles.Count} media files ({Checksums.Size(bytes)}). Start the site."));
        return 0;
    }

    private static async Task VerifyAsync(string folder, BackupManifest manifest, TextWriter output, CancellationToken ct)
    {
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var entry = manifest.Files[i];
            var path = Path.GetFullPath(Path.Combine(folder, entry.Path));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || (entry.Path != manifest.Database && !StoredNames.IsValid(Path.GetFileName(path))))
            {
                throw new OperationFailedException($"the manifest names {entry.Path}, which is not a backup file.");
            }

            if (!File.Exists(path))
            {
                throw new OperationFailedException($"{entry.Path} is missing from the backup.");
            }

            var (bytes, sha) = await Checksums.OfFileAsync(path, ct);
            if (bytes != entry.Bytes || sha != entry.Sha256)
            {
                throw new OperationFailedException($"{entry.Path} does not match its checksum: the backup is damaged.");
            }

            if ((i + 1) % BackupWriter.ProgressEvery == 0 || i + 1 == manifest.Files.Count)
            {
                await output.WriteLineAsync($"verify: {i + 1}/{manifest.Files.Count} files match their checksums");
            }
        }
    }

    private List<string> Occupied(string? databasePath)
    {
        var found = new List<string>();
        if (databasePath is not null && File.Exists(databasePath) && new FileInfo(databasePath).Length > 0)
        {
            found.Add($"{databasePath} exists");
        }

        var mediaFolder = MediaPaths.DataFolder(media.Value, environment.ContentRootPath);
        var work = MediaPaths.WorkFolder(media.Value, environment.ContentRootPath);
        if (Directory.Exists(mediaFolder))
        {
            var count = Directory.EnumerateFiles(mediaFolder, "*", SearchOption.AllDirectories)
                .Count(f => !f.StartsWith(work + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (count > 0)
            {
                found.Add($"{mediaFolder} holds {count} files");
            }
        }

        return found;
    }

    private static void RestoreDatabase(string backup, string databasePath)
    {
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(databasePath + suffix); // a stale WAL beside the restored file would be replayed into it
        }

        var temp = databasePath + ".restoring";
        File.Copy(backup, temp, overwrite: true);
        File.Move(temp, databasePath, overwrite: true);
    }
}
