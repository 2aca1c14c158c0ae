using System.Security.Cryptography;
using System.Text.Json;

namespace Coalition.Web.Features.Operations;

/// <summary>
/// <c>manifest.json</c> of a backup folder, written last: a folder without it is not a finished backup. Every file is
/// listed with its size and SHA-256, and a restore checks them all before it writes anything.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTime CreatedUtc,
    string Provider,
    string? Database,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyList<string> MissingMedia)
{
    public const string FileName = "manifest.json";
    public const string DatabasePath = "database/coalition.db";
    public const string MediaFolder = "media";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string MediaPath(string name) => $"{MediaFolder}/{name[..2]}/{name}";

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new OperationFailedException($"{path} does not exist: this is not a finished backup.");
        }

        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct)
                ?? throw new OperationFailedException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new OperationFailedException($"{path} is not a backup manifest ({e.Message}).");
        }
    }
}

/// <param name="Path">Relative to the backup folder, with forward slashes.</param>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

internal static class Checksums
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> and returns the bytes copied and their SHA-256.</summary>
    public static async Task<(long Bytes, string Sha256)> CopyAsync(Stream source, Stream destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<(long Bytes, string Sha256)> OfFileAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return (file.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct)));
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => FormattableString.Invariant($"{bytes / 1024.0:0.0} KB"),
        _ => FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };
}
