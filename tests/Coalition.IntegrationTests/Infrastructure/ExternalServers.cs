using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>
/// A real server process started by a test fixture on a free loopback port, and stopped (by its process id) when the
/// fixture is disposed. When the program is not installed or does not start, <see cref="SkipReason"/> says why, and the
/// tests that need it report themselves skipped with that reason (.ci/run installs both).
/// </summary>
public abstract class ExternalServer : IAsyncLifetime
{
    private Process? _process;

    /// <summary>Why the server is not available, or null when it runs.</summary>
    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>A scratch folder for the server's data, deleted on dispose.</summary>
    protected string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"coalition-server-{Guid.NewGuid():N}");

    protected abstract string Name { get; }

    /// <summary>The program and its arguments, or null with a reason when the program cannot be found.</summary>
    protected abstract (string FileName, string Arguments)? Command(int port, out string? missing);

    public async Task InitializeAsync()
    {
        Port = FreePort();
        Directory.CreateDirectory(DataFolder);
        var command = Command(Port, out var missing);
        if (command is null)
        {
            SkipReason = $"{Name} is not available: {missing}";
            return;
        }

        try
        {
            _process = Process.Start(new ProcessStartInfo(command.Value.FileName, command.Value.Arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = DataFolder,
            });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            SkipReason = $"{Name} could not start: {e.Message}";
            return;
        }

        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // The one real wait of these fixtures: a separate process opening its port.
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                SkipReason = $"{Name} exited at start with code {_process.ExitCode}";
                return;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        SkipReason = $"{Name} did not open port {Port} within 10 s";
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Skips the calling test, with the reason, when the server is not running.</summary>
    public void SkipIfUnavailable() => Skip.If(SkipReason is not null, SkipReason);

    protected static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The repository's root: the folder above the test binaries that holds <c>Coalition.sln</c>.</summary>
    protected static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coalition.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>s3rver (npm, installed into .ci/node by .ci/run) with one bucket, <see cref="Bucket"/>; its fixed keys are S3RVER/S3RVER.</summary>
public sealed class S3rverServer : ExternalServer
{
    public const string Bucket = "coalition-test";
    public const string Key = "S3RVER";

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    protected override string Name => "s3rver";

    /// <summary>The settings that put an app's media into this server's bucket.</summary>
    public Dictionary<string, string?> AppSettings(string prefix = "") => new()
    {
        ["Media:Store"] = "S3",
        ["Media:S3:Bucket"] = Bucket,
        ["Media:S3:ServiceUrl"] = ServiceUrl,
        ["Media:S3:AccessKey"] = Key,
        ["Media:S3:SecretKey"] = Key,
        ["Media:S3:Prefix"] = prefix,
    };

    protected override (string FileName, string Arguments)? Command(int port, out string? missing)
    {
        var node = FindOnPath("node");
        var root = RepositoryRoot();
        var script = root is null ? null : Path.Combine(root, ".ci", "node", "node_modules", "s3rver", "bin", "s3rver.js");
        missing = node is null ? "node is not on PATH (apt-get install nodejs)"
            : script is null || !File.Exists(script) ? "s3rver is not installed (npm install --prefix .ci/node, as .ci/run does)"
            : null;
        return missing is null
            ? (node!, $"\"{script}\" --directory \"{DataFolder}\" --address 127.0.0.1 --port {port} --silent --configure-bucket {Bucket}")
            : null;
    }
}

/// <summary>redis-server (Debian package, installed by .ci/run) without persistence.</summary>
public sealed class RedisServer : ExternalServer
{
    public string ConnectionString => $"127.0.0.1:{Port}";

    protected override string Name => "redis-server";

    protected override (string FileName, string Arguments)? Command(int port, out string? missing)
    {
        var redis = FindOnPath("redis-server");
        missing = redis is null ? "redis-server is not on PATH (apt-get install redis-server)" : null;
        return redis is null ? null : (redis, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir \"{DataFolder}\"");
    }
}
