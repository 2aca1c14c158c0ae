using System.Diagnostics;
using Coalition.Data;
using Coalition.Data.Providers;
using Coalition.Web.Features.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Operations;

/// <summary>
/// <c>backup --to DIR</c> while the site runs: the SQLite database through SQLite's online backup API (a consistent
/// snapshot; in WAL mode writers go on meanwhile), then every media file that snapshot names, read through the file store
/// (local folder or S3 alike), then the manifest. On SQL Server the database is left to <c>BACKUP DATABASE</c>
/// (docs/operations.md) and the backup holds the media and the manifest.
/// </summary>
public sealed class BackupWriter(CoalitionDbContext db, IFileStore store, TimeProvider clock)
{
    /// <summary>A progress line every this many media files.</summary>
    internal const int ProgressEvery = 25;

    public async Task<int> RunAsync(string folder, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new OperationFailedException($"{folder} is not empty: a backup goes into a new or empty folder.");
        }

        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var files = new List<BackupFile>();
        string? database = null;
        List<string> names;
        if (db.Database.IsSqlite())
        {
            await output.WriteLineAsync("database: online backup …");
            var copy = Path.Combine(folder, BackupManifest.DatabasePath);
            var integrity = await BackUpSqliteAsync(db.Database.GetConnectionString()!, copy, ct);
            var (bytes, sha) = await Checksums.OfFileAsync(copy, ct);
            files.Add(new BackupFile(BackupManifest.DatabasePath, bytes, sha));
            database = BackupManifest.DatabasePath;
            await output.WriteLineAsync($"database: {Checksums.Size(bytes)}, integrity {integrity}");
            names = await StoredFilesInAsync(copy, ct);
        }
        else
        {
            await output.WriteLineAsync("database: SQL Server is backed up with BACKUP DATABASE (docs/operations.md); this backup holds the media only.");
            names = [.. (await db.Media.AsNoTracking().ToListAsync(ct)).SelectMany(MediaLibrary.StoredFiles)];
        }

        var missing = new List<string>();
        long mediaBytes = 0;
        for (var i = 0; i < names.Count; i++)
        {
            var file = await CopyMediaAsync(folder, names[i], ct);
            if (file is null)
            {
                missing.Add(names[i]);
            }
            else
            {
                files.Add(file);
                mediaBytes += file.Bytes;
            }

            if ((i + 1) % ProgressEvery == 0 || i + 1 == names.Count)
            {
                await output.WriteLineAsync($"media: {i + 1}/{names.Count} files, {Checksums.Size(mediaBytes)}");
            }
        }

        var manifest = new BackupManifest(1, clock.GetUtcNow().UtcDateTime, db.Database.IsSqlite() ? "Sqlite" : "SqlServer", database, files, missing);
        await manifest.WriteAsync(folder, ct);
        foreach (var name in missing)
        {
            await output.WriteLineAsync($"warning: the database names {name}, but the store does not have it");
        }

        await output.WriteLineAsync(FormattableString.Invariant(
            $"Backup complete in {watch.Elapsed.TotalSeconds:0.0} s: {(database is null ? "no database" : "database")}, {files.Count - (database is null ? 0 : 1)} media files ({Checksums.Size(mediaBytes)}), {missing.Count} missing; manifest {Path.Combine(folder, BackupManifest.FileName)}"));
        return 0;
    }

    /// <summary>Copies the live database into <paramref name="destination"/> as one self-contained file; returns SQLite's integrity verdict.</summary>
    private static async Task<string> BackUpSqliteAsync(string connectionString, string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(ct);
        var target = new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString();
        await using var copy = new SqliteConnection(target);
        await copy.OpenAsync(ct);
        source.BackupDatabase(copy);
        await using var command = copy.CreateCommand();
        // One file, no -wal beside it: the copy can be moved, checksummed and opened anywhere.
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync(ct);
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<string>> StoredFilesInAsync(string databaseCopy, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<SqliteCoalitionDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = databaseCopy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            .Options;
        await using var copy = new SqliteCoalitionDbContext(options);
        return [.. (await copy.Media.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct)).SelectMany(MediaLibrary.StoredFiles)];
    }

    private async Task<BackupFile?> CopyMediaAsync(string folder, string name, CancellationToken ct)
    {
        await using var source = await store.OpenReadAsync(name, ct);
        if (source is null)
        {
            return null;
        }

        var relative = BackupManifest.MediaPath(name);
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var target = File.Create(path);
        var (bytes, sha) = await Checksums.CopyAsync(source, target, ct);
        return new BackupFile(relative, bytes, sha);
    }
}
