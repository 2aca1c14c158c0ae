using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Mirror;

/// <summary>
/// <c>export-mirror --to DIR [--base-url URL]</c>: the app starts as usual, but only on a loopback port of its own;
/// once it answers, this crawls it with <see cref="MirrorExporter"/>, sets the exit code and stops the app.
/// </summary>
public sealed partial class MirrorExportRunner(
    MirrorCommand command,
    MirrorExporter exporter,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<SiteOptions> options,
    ILogger<MirrorExportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
            if (options.Value.PublicBaseUrl is { } live)
            {
                client.DefaultRequestHeaders.Host = live.Authority; // as a visitor of the live site: AllowedHosts lets it in
            }

            var result = await exporter.ExportAsync(client, command.Folder, command.BaseUrl, Console.Out, stoppingToken);
            Environment.ExitCode = result.Missing == 0 ? 0 : 3;
        }
#pragma warning disable CA1031 // Any failure ends the command with a message and exit code 1, not a stack trace on the console.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, e);
            await Console.Out.WriteLineAsync($"error: the mirror export failed ({e.GetType().Name}: {e.Message})");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The mirror export failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>The parsed <c>export-mirror</c> command line.</summary>
public sealed record MirrorCommand(string Folder, Uri? BaseUrl);
