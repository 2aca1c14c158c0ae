using Coalition.Web.Features.Jobs;
using Coalition.Web.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Mail;

/// <summary>
/// Two loops over the <see cref="MailOutbox"/>: one stores each message handed to <see cref="MailQueue.Enqueue"/> the
/// moment it arrives; the other sends what is due, woken when a message is stored (so a new mail leaves within
/// about a second) and every <see cref="PollInterval"/> on the app's clock (retries, and rows stored by other instances).
/// At shutdown the hand-off is closed and what is left in it is stored before the app stops.
/// </summary>
public sealed partial class MailOutboxWorker(
    MailQueue queue,
    IServiceScopeFactory scopes,
    JobLeases leases,
    TimeProvider clock,
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    ILogger<MailOutboxWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesSmtp && !environment.IsDevelopment())
        {
            LogNoSmtp(logger, options.Value.PickupFolder);
        }

        return Task.WhenAll(StoreLoopAsync(), SendLoopAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Runs until the hand-off is closed, not until the stopping token: nothing handed over is dropped at shutdown.</summary>
    private async Task StoreLoopAsync()
    {
        while (await queue.Reader.WaitToReadAsync())
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MailOutbox>().StoreQueuedAsync();
            }
            catch (Exception e)
            {
                LogStoreFailed(logger, e);
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<MailOutbox>().SendDueAsync(stoppingToken);
                more = round.Taken == MailOutbox.BatchSize;
                await leases.RunOncePerPeriodAsync("mail-claims-cleanup", TimeSpan.FromDays(1),
                    ct => leases.DeleteExpiredAsync(MailOutbox.ClaimPrefix, ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRoundFailed(logger, e);
            }

            if (!more)
            {
                await queue.WaitForDueAsync(PollInterval, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:SmtpHost is not set: e-mails are written to {Folder} and nobody receives them")]
    private static partial void LogNoSmtp(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store queued e-mails in the outbox")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail outbox round failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

/// <summary>
/// Degraded (still HTTP 200, so a load balancer keeps the instance) when a message has waited longer than
/// <see cref="MailOutbox.StaleAfter"/>: the SMTP server is down or refuses mail, and messages are piling up.
/// </summary>
internal sealed class MailOutboxHealthCheck(MailOutbox outbox, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await outbox.BacklogAsync(cancellationToken);
        return backlog.OldestUtc is { } oldest && clock.GetUtcNow().UtcDateTime - oldest > MailOutbox.StaleAfter
            ? HealthCheckResult.Degraded($"{backlog.Waiting} e-mails wait in the outbox, the oldest since {oldest:u}")
            : HealthCheckResult.Healthy();
    }
}
