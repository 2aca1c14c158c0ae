using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Publishing;

/// <summary>Purges items that have been in the trash longer than <c>Publishing:TrashRetentionDays</c>, once an hour.</summary>
public sealed partial class TrashRetentionService(
    IServiceScopeFactory scopes,
    IOptions<PublishingOptions> options,
    TimeProvider clock,
    ILogger<TrashRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await PurgeOnceAsync();
            }
#pragma warning disable CA1031 // A failed run is logged and retried next hour; it must not stop the site.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var retention = TimeSpan.FromDays(options.Value.TrashRetentionDays);
        var purged = 0;
        foreach (var type in ContentTypes.All)
        {
            var editor = (IContentTrash)scope.ServiceProvider.GetRequiredService(typeof(ContentEditor<>).MakeGenericType(type.EntityType));
            purged += await editor.PurgeExpiredAsync(retention);
        }

        if (purged > 0)
        {
            LogPurged(logger, purged, options.Value.TrashRetentionDays);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} items that were in the trash longer than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trash retention run failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
