using System.Text.Json;
using Coalition.IntegrationTests.Infrastructure;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 5: the file log is compact JSON, one event per line, so control characters in a request path are
/// escaped inside a string and cannot forge a line. Rows are paths an attacker would send.
/// </summary>
public sealed class LogInjectionTests(LogInjectionTests.FileLogAppFactory factory) : IClassFixture<LogInjectionTests.FileLogAppFactory>
{
    public static TheoryData<string> ForgingPaths() =>
    [
        "/ru/x%0a2026-12-01 10:00:00.000 +00:00 [INF] Staff admin signed in",
        "/ru/x%0d%0a{\"@t\":\"2026-12-01\",\"@mt\":\"forged\"}",
        "/en/%1b[31mred%1b[0m",
    ];

    [Theory]
    [MemberData(nameof(ForgingPaths))]
    public async Task RequestPath_WithControlCharacters_StaysInsideOneJsonEvent(string path)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var client = factory.CreateBrowser("en");

        using var response = await client.GetAsync(new Uri(path.Replace(" ", "%20", StringComparison.Ordinal) + marker, UriKind.Relative));

        await HostileAssert.NoServerErrorAsync(response);
        var lines = await LinesWithAsync(marker);
        Assert.NotEmpty(lines);
        foreach (var line in File.ReadAllLines(LogFile()).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line); // every line is a whole event
            Assert.True(json.RootElement.TryGetProperty("@t", out _));
        }

        Assert.All(lines, l => Assert.DoesNotContain('\u001b', l));
    }

    private string LogFile() => Directory.EnumerateFiles(factory.LogFolder, "*.log").Single();

    private async Task<IReadOnlyList<string>> LinesWithAsync(string marker)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Directory.Exists(factory.LogFolder) && Directory.EnumerateFiles(factory.LogFolder, "*.log").Any())
            {
                using var stream = new FileStream(LogFile(), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                var found = (await reader.ReadToEndAsync()).Split('\n').Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
                if (found.Count > 0)
                {
                    return found;
                }
            }

            await Task.Delay(100); // Serilog's file sink flushes on its own thread
        }

        return [];
    }

    /// <summary>The app with its file log on, under the temp folder, at Information level (request events included).</summary>
    public sealed class FileLogAppFactory : CoalitionAppFactory
    {
        public FileLogAppFactory()
            : this(Path.Combine(Path.GetTempPath(), $"coalition-log-{Guid.NewGuid():N}"))
        {
        }

        private FileLogAppFactory(string folder)
            : base(new Dictionary<string, string?>
            {
                ["LogFile:Enabled"] = "true",
                ["LogFile:Path"] = Path.Combine(folder, "coalition-.log"),
                ["Serilog:MinimumLevel:Default"] = "Information",
            })
        {
            LogFolder = folder;
        }

        public string LogFolder { get; }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(LogFolder))
            {
                Directory.Delete(LogFolder, recursive: true);
            }
        }
    }
}
