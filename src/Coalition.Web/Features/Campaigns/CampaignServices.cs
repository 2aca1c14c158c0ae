using System.Security.Claims;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Campaigns;

/// <summary>The dashboard's block: how many messages of support wait for a decision.</summary>
public sealed class SupportMessagesPanel(SupportMessages messages, IStringLocalizer<SharedResource> text) : IDashboardPanel
{
    public async Task<DashboardPanel?> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = await messages.WaitingCountAsync(ct);
        return new DashboardPanel("Messages of support", 30,
        [
            new DashboardPanelItem(text["Messages waiting for moderation: {0}", waiting], "/admin/support-messages"),
        ]);
    }
}

/// <summary>Deletes messages rejected longer than <c>Campaigns:RejectedRetentionDays</c> ago, once an hour.</summary>
public sealed partial class RejectedMessageRetentionService(
    IServiceScopeFactory scopes,
    IOptions<CampaignOptions> options,
    TimeProvider clock,
    ILogger<RejectedMessageRetentionService> logger) : BackgroundService
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
        var days = options.Value.RejectedRetentionDays;
        var purged = await scope.ServiceProvider.GetRequiredService<SupportMessages>().PurgeRejectedAsync(TimeSpan.FromDays(days));
        if (purged > 0)
        {
            LogPurged(logger, purged, days);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} messages of support rejected more than {Days} days ago")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected-message retention run failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
