using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Search;

/// <summary>
/// Opens the index at startup (rebuilding it from the database when it is missing or unreadable) without holding up
/// the start, then catches up with the database every <see cref="SearchOptions.SyncIntervalSeconds"/>, so that
/// changes saved on another instance are found here within seconds.
/// </summary>
public sealed partial class SearchIndexSync(SearchIndex index, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexSync> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SyncIntervalSeconds), clock);
        do
        {
            try
            {
                await index.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the next round tries again; a failing round must not stop the service
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index could not catch up with the database; it tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
