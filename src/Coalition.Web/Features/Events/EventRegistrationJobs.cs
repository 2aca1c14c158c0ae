using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Events;

/// <summary>
/// Every five minutes: fills places that became free outside a registration (an editor raised the capacity in the edit
/// form) from the waiting lists, and deletes the personal data of registrants <c>Events:RegistrantRetentionDays</c>
/// after their event ended, keeping the status and attendance for the counts.
/// </summary>
public sealed partial class EventRegistrationJobs(
    IServiceScopeFactory scopes,
    IOptions<EventOptions> options,
    TimeProvider clock,
    ILogger<EventRegistrationJobs> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try
            {
                await PromoteOnceAsync(stoppingToken);
                await DeleteExpiredPersonalDataAsync(stoppingToken);
            }
#pragma warning disable CA1031 // A failed run is logged and retried at the next tick; it must not stop the site.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PromoteOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventRegistrations>().PromoteEverywhereAsync(ct);
    }

    /// <summary>Empties the personal fields of registrations whose event (every translation) ended more than the retention period ago.</summary>
    public async Task<int> DeleteExpiredPersonalDataAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoalitionDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.RegistrantRetentionDays);
        var endedGroups = db.Events.GroupBy(e => e.TranslationGroupId)
            .Where(g => g.Max(e => e.EndUtc) < cutoff)
            .Select(g => g.Key);
        var deleted = await db.EventRegistrations
            .Where(r => r.PersonalDataDeletedUtc == null && endedGroups.Contains(r.EventGroupId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Name, (string?)null)
                .SetProperty(r => r.Email, (string?)null)
                .SetProperty(r => r.EmailKey, (string?)null)
                .SetProperty(r => r.Phone, (string?)null)
                .SetProperty(r => r.Organisation, (string?)null)
                .SetProperty(r => r.JobRole, (string?)null)
                .SetProperty(r => r.LanguageNeeds, (string?)null)
                .SetProperty(r => r.AccessibilityNeeds, (string?)null)
                .SetProperty(r => r.CancelTokenHash, (string?)null)
                .SetProperty(r => r.PersonalDataDeletedUtc, now), ct);
        if (deleted > 0)
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await audit.RecordAsync(AuditActions.RegistrationsRetention, nameof(EventRegistration), null, $"Personal data of {deleted} registrations deleted");
            LogDeleted(logger, deleted, options.Value.RegistrantRetentionDays);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the personal data of {Count} registrations of events that ended more than {Days} days ago")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event registration job failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
