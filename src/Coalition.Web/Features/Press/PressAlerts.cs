using System.Globalization;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Mail;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Press;

/// <summary>
/// Sends the alerts of a release once it is public (published now, by schedule, or when its embargo ends): one mail
/// to each confirmed subscriber of its language. A release is claimed with one conditional UPDATE
/// (<c>SET AlertsQueuedUtc = now WHERE Id = @id AND AlertsQueuedUtc IS NULL</c>); only the instance whose UPDATE
/// changed the row sends, so a restart, a second instance or a second run never sends a release twice. The price is
/// at-most-once: a crash between the claim and the last mail being stored loses the rest of that release's mails.
/// The mails go into the <see cref="MailOutbox"/>, which sends them with retries while the SMTP server is down.
/// </summary>
public sealed partial class PressAlerts(IServiceScopeFactory scopes, IOptions<PressOptions> options, TimeProvider clock, ILogger<PressAlerts> logger)
    : BackgroundService
{
    /// <summary>Claims and sends every release that is public and not yet alerted; returns how many releases this run sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoalitionDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<PressRelease>().AsNoTracking().VisibleToPublic(now)
            .Where(x => x.AlertsQueuedUtc == null).OrderBy(x => x.PublishedUtc).Select(x => x.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendAsync(services, db, id, now, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    private static async Task<bool> SendAsync(IServiceProvider services, CoalitionDbContext db, int id, DateTime now, CancellationToken ct)
    {
        var subscriptions = services.GetRequiredService<PressSubscriptions>();
        var mails = services.GetRequiredService<PressMails>();
        List<MimeKit.MimeMessage> messages;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Set<PressRelease>().Where(x => x.Id == id && x.AlertsQueuedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertsQueuedUtc, now), ct);
            if (claimed != 1)
            {
                return false; // another instance, or an earlier run, has it
            }

            var release = await db.Set<PressRelease>().AsNoTracking().FirstAsync(x => x.Id == id, ct);
            var subscribers = await db.Set<PressSubscriber>().AsNoTracking()
                .Where(s => s.Culture == release.Culture && s.ConfirmedUtc != null).OrderBy(s => s.Id).ToListAsync(ct);
            messages = subscribers.Select(s => mails.Alert(s, release, subscriptions.UnsubscribeToken(s))).ToList();
            services.GetRequiredService<AuditLog>().Add(PressAuditActions.AlertsQueued, nameof(PressRelease),
                id.ToString(CultureInfo.InvariantCulture), $"[{release.Culture}] {release.Title}: {messages.Count}", new StaffActor(null, "press alerts"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Into the durable outbox (stored encrypted, sent with retries), not the in-memory hand-off: a release may have
        // hundreds of subscribers, and this runs off any request, so the insert's time reveals nothing.
        var outbox = services.GetRequiredService<MailOutbox>();
        foreach (var message in messages)
        {
            try
            {
                await outbox.AddAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(services.GetRequiredService<ILogger<PressAlerts>>(), e);
            }
        }

        return true;
    }

    private readonly SemaphoreSlim _poke = new(0, 1);

    /// <summary>Runs the job soon instead of at its next poll: a release was just published.</summary>
    public void Poke()
    {
        if (_poke.CurrentCount == 0)
        {
            try
            {
                _poke.Release();
            }
            catch (SemaphoreFullException)
            {
                // already poked
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.AlertPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(logger, e);
            }

            // The poll finds scheduled releases and embargo ends (which raise no change); a publish pokes it at once.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(period, clock, wake.Token);
            await Task.WhenAny(delay, _poke.WaitAsync(wake.Token));
            await wake.CancelAsync();
        }
    }

    public override void Dispose()
    {
        _poke.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue a press-release alert")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The press-release alert job failed; it tries again at its next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
