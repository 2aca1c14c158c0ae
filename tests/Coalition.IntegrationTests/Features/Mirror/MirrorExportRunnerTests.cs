using System.Diagnostics;

namespace Coalition.IntegrationTests.Features.Mirror;

/// <summary><c>export-mirror</c> as an operator runs it: a separate process that starts, exports itself and exits.</summary>
public sealed class MirrorExportRunnerTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"coalition-export-{Guid.NewGuid():N}");

    [Fact]
    public async Task ExportMirror_CommandLine_WritesTheDemoSiteAndExits0()
    {
        var mirror = Path.Combine(_scratch, "mirror");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Coalition.Web.dll"), "export-mirror", "--to", mirror, "--base-url", "https://mirror.example.net",
            $"--ConnectionStrings:Coalition=Data Source={Path.Combine(_scratch, "site.db")}", $"--Media:DataFolder={Path.Combine(_scratch, "media")}",
            $"--Mail:PickupFolder={Path.Combine(_scratch, "mail")}", "--LogFile:Enabled=false", "--Seed:Demo=true",
            "--Serilog:MinimumLevel:Default=Warning", "--Site:PublicBaseUrl=https://coalition.example.org",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Development: the stylesheet is served from the source tree's wwwroot, as in `dotnet run`.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true); // never leave the app running after a hung export
            }
        }

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await errors}");
        Assert.Contains("Mirror complete", await output, StringComparison.Ordinal);
        Assert.Contains("0 broken addresses", await output, StringComparison.Ordinal);
        foreach (var culture in new[] { "ru", "tg", "en" })
        {
            Assert.True(File.Exists(Path.Combine(mirror, culture, "news", "index.html")), $"{culture}/news/index.html");
        }

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(mirror, "css"), "site*.css")); // fingerprinted or not
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(mirror, "media")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
