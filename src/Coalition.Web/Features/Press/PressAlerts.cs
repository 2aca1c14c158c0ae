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
/// to each confirmed subscriber of its language, each exactly once. Every alert goes into the <see cref="MailOutbox"/>
/// (sent with retries while the SMTP server is down) under a Message-Id fixed by the release and the subscriber, which
/// the outbox stores only once; the release is marked afterwards with one conditional UPDATE
/// (<c>SET AlertsQueuedUtc = now WHERE Id = @id AND AlertsQueuedUtc IS NULL</c>). A run that stops half-way (a crash,
/// the database gone) leaves the release unmarked, and the next run stores only what is missing; two instances
/// running at once store each alert once between them.
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
        var release = await db.Set<PressRelease>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.AlertsQueuedUtc == null, ct);
        if (release is null)
        {
            return false; // another instance has just finished it
        }

        var subscriptions = services.GetRequiredService<PressSubscriptions>();
        var mails = services.GetRequiredService<PressMails>();
        var outbox = services.GetRequiredService<MailOutbox>();
        var subscribers = await db.Set<PressSubscriber>().AsNoTracking()
            .Where(s => s.Culture == release.Culture && s.ConfirmedUtc != null).OrderBy(s => s.Id).ToListAsync(ct);

        // Into the durable outbox (stored encrypted, sent with retries), not the in-memory hand-off: a release may have
        // hundreds of subscribers, and this runs off any request, so the insert's time reveals nothing. Each alert has
        // a fixed Message-Id, so one stored before (by a run that stopped half-way, or by another instance running
        // at the same moment) is not stored again. A failure stops here, before the release is marked: the next run
        // gives every alert again and only the missing ones are stored.
        foreach (var subscriber in subscribers)
        {
            await outbox.AddAsync(mails.Alert(subscriber, release, subscriptions.UnsubscribeToken(subscriber)), ct);
        }

        var marked = await db.Set<PressRelease>().Where(x => x.Id == id && x.AlertsQueuedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AlertsQueuedUtc, now), ct);
        if (marked != 1)
        {
            return false; // the other instance marked it first, and audited it
        }

        services.GetRequiredService<AuditLog>().Add(PressAuditActions.AlertsQueued, nameof(PressRelease),
            id.ToString(CultureInfo.InvariantCulture), $"[{release.Culture}] {release.Title}: {subscribers.Count}", new StaffActor(null, "press alerts"));
        await db.SaveChangesAsync(ct);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The press-release alert job failed; it tries again at its next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
