using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.LegalAid;

/// <summary>
/// Once an hour, deletes for good the requests closed more than <c>LegalAid:ClosedRetentionDays</c> ago and those
/// nobody opened within <c>LegalAid:UnopenedRetentionDays</c> of arriving, with their notes; then the retired keys
/// that no longer seal anything.
/// </summary>
public sealed partial class LegalAidRetentionService(
    IServiceScopeFactory scopes,
    IOptions<LegalAidOptions> options,
    TimeProvider clock,
    ILogger<LegalAidRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
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

    public async Task<int> PurgeOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var closedBefore = now.AddDays(-options.Value.ClosedRetentionDays);
        var receivedBefore = now.AddDays(-options.Value.UnopenedRetentionDays);
        var expired = db.LegalAidRequests.Where(r =>
            (r.Status == LegalAidStatus.Closed && r.ClosedUtc != null && r.ClosedUtc < closedBefore)
            || (r.FirstOpenedUtc == null && r.ReceivedUtc < receivedBefore));
        await db.LegalAidNotes.Where(n => expired.Select(r => r.Id).Contains(n.RequestId)).ExecuteDeleteAsync(ct);
        var purged = await expired.ExecuteDeleteAsync(ct);

        // A retired key is kept a day, so that a request sealed with it just before a rotation still finds its key.
        var retiredBefore = now.AddDays(-1);
        await db.LegalAidKeys
            .Where(k => k.RetiredUtc != null && k.RetiredUtc < retiredBefore)
            .Where(k => !db.LegalAidRequests.Any(r => r.KeyId == k.Id) && !db.LegalAidNotes.Any(n => n.KeyId == k.Id))
            .ExecuteDeleteAsync(ct);

        if (purged > 0)
        {
            LogPurged(logger, purged);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} legal aid requests past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Legal aid retention run failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
