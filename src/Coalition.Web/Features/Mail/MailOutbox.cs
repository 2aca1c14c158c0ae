using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Jobs;
using Coalition.Web.Options;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Coalition.Web.Features.Mail;

/// <summary>
/// The durable mail outbox (docs/decisions/0021-durable-mail-outbox.md): each message is a row in
/// <see cref="CoalitionDbContext.OutgoingMails"/>, encrypted with Data Protection, until it is sent (then the row is
/// deleted) or given up after <see cref="MailOptions.GiveUpAfterHours"/>. A failed send is tried again after
/// <see cref="Backoff"/>. Several instances share the table: a row is sent by the one that takes its lease with a
/// conditional UPDATE, and a Message-Id given twice (press alerts build theirs from fixed ids) is stored and sent once.
/// <see cref="MailOutboxWorker"/> calls <see cref="StoreQueuedAsync"/> and <see cref="SendDueAsync"/>; tests call them directly.
/// </summary>
public sealed partial class MailOutbox(
    CoalitionDbContext db,
    MailQueue queue,
    IMailSender sender,
    JobLeases leases,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<MailOutbox> logger)
{
    /// <summary>The Data Protection purpose of the stored messages: a key for nothing else.</summary>
    public const string ProtectorPurpose = "Coalition.Mail.Outbox.v1";

    /// <summary>Rows taken in one round.</summary>
    public const int BatchSize = 50;

    /// <summary>How long a round may hold a row while sending it (SMTP times out after 30 s); a crashed instance's rows come back after it.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>A message queued longer ago than this and still unsent makes the health check report Degraded.</summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>The Message-Ids of stored messages are claimed this long (<see cref="JobLeases"/>): a copy given again within that time is not sent.</summary>
    internal static readonly TimeSpan ClaimKept = TimeSpan.FromDays(7);

    internal const string ClaimPrefix = "mail";

    private static readonly TimeSpan[] Schedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    private IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failure: 1, 2, 5, 10, 30 minutes, then hourly.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        failedAttempts <= 0 ? TimeSpan.Zero
        : failedAttempts <= Schedule.Length ? Schedule[failedAttempts - 1]
        : TimeSpan.FromHours(1);

    /// <summary>
    /// Stores <paramref name="message"/>, encrypted, due now, and wakes the sender. False when a message with its
    /// Message-Id was already stored (and maybe sent) in the last <see cref="ClaimKept"/>: it is not stored again.
    /// </summary>
    public async Task<bool> AddAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId();
        }

        if (!await leases.TryClaimAsync(ClaimPrefix, message.MessageId, ClaimKept, ct))
        {
            LogAlreadyGiven(logger);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, ct);
        var row = new OutgoingMail
        {
            MessageIdHash = Hash(message.MessageId),
            Content = Protector.Protect(buffer.ToArray()),
            CreatedUtc = now,
            NextAttemptUtc = now,
            LeaseUntilUtc = now,
        };
        db.OutgoingMails.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            if (!await db.OutgoingMails.AnyAsync(x => x.MessageIdHash == row.MessageIdHash, ct))
            {
                throw;
            }

            // The unique index: another instance stored the same message a moment ago.
            LogAlreadyGiven(logger);
            return false;
        }

        db.Entry(row).State = EntityState.Detached;
        queue.SignalDue();
        return true;
    }

    /// <summary>Stores every message handed to <see cref="MailQueue.Enqueue"/> and not yet stored; returns how many were stored.</summary>
    public async Task<int> StoreQueuedAsync(CancellationToken ct = default)
    {
        var stored = 0;
        while (queue.Reader.TryRead(out var message))
        {
            try
            {
                if (await AddAsync(message, ct))
                {
                    stored++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNotStored(logger, e);
            }
        }

        return stored;
    }

    /// <summary>
    /// One round: takes up to <see cref="BatchSize"/> due rows that no one else holds, sends each through
    /// <see cref="IMailSender"/>, deletes it when sent, otherwise counts the attempt and schedules the next one, or gives
    /// it up (deletes it) when it is older than <see cref="MailOptions.GiveUpAfter"/>.
    /// </summary>
    public async Task<MailOutboxRound> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = $"{JobLeases.Instance}/{Guid.NewGuid():N}";
        var due = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.NextAttemptUtc <= now && m.LeaseUntilUtc <= now)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        int sent = 0, failed = 0, givenUp = 0;
        foreach (var id in due)
        {
            // One conditional UPDATE: of several rounds (on one instance or many), exactly one takes the row.
            var leaseUntil = now + Lease;
            var taken = await db.OutgoingMails
                .Where(m => m.Id == id && m.NextAttemptUtc <= now && m.LeaseUntilUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseHolder, holder).SetProperty(m => m.LeaseUntilUtc, leaseUntil), ct);
            if (taken != 1)
            {
                continue;
            }

            var row = await db.OutgoingMails.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Content, m.Attempts, m.CreatedUtc }).SingleAsync(ct);
            if (now - row.CreatedUtc >= options.Value.GiveUpAfter)
            {
                // Too old to be of use (an instance that was down for days, a restored backup): not sent late.
                await db.OutgoingMails.Where(m => m.Id == id && m.LeaseHolder == holder).ExecuteDeleteAsync(CancellationToken.None);
                LogGivenUp(logger, row.Attempts, (int)(now - row.CreatedUtc).TotalHours, "too old");
                givenUp++;
                continue;
            }

            try
            {
                await sender.SendAsync(Read(row.Content), ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var attempts = row.Attempts + 1;
                var failedAt = clock.GetUtcNow().UtcDateTime;
                if (failedAt - row.CreatedUtc >= options.Value.GiveUpAfter)
                {
                    await db.OutgoingMails.Where(m => m.Id == id && m.LeaseHolder == holder).ExecuteDeleteAsync(CancellationToken.None);
                    LogGivenUp(logger, attempts, (int)(failedAt - row.CreatedUtc).TotalHours, Describe(e));
                    givenUp++;
                }
                else
                {
                    var next = failedAt + Backoff(attempts);
                    await db.OutgoingMails.Where(m => m.Id == id && m.LeaseHolder == holder).ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptUtc, next)
                            .SetProperty(m => m.LeaseUntilUtc, failedAt).SetProperty(m => m.LeaseHolder, (string?)null),
                        CancellationToken.None);
                    LogFailed(logger, attempts, (int)Backoff(attempts).TotalMinutes, Describe(e));
                    failed++;
                }

                continue;
            }

            // Sent: the row goes at once (nothing personal is kept longer than needed), even if shutdown began meanwhile.
            await db.OutgoingMails.Where(m => m.Id == id && m.LeaseHolder == holder).ExecuteDeleteAsync(CancellationToken.None);
            sent++;
        }

        if (failed + givenUp > 0)
        {
            LogRound(logger, sent, failed, givenUp);
        }

        return new MailOutboxRound(due.Count, sent, failed, givenUp);
    }

    /// <summary>How many messages wait, and since when the oldest: for the health check and operators.</summary>
    public async Task<MailBacklog> BacklogAsync(CancellationToken ct = default)
    {
        var waiting = await db.OutgoingMails.CountAsync(ct);
        var oldest = await db.OutgoingMails.OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefaultAsync(ct);
        return new MailBacklog(waiting, oldest);
    }

    internal static string Hash(string messageId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));

    private MimeMessage Read(byte[] content)
    {
        using var stream = new MemoryStream(Protector.Unprotect(content));
        return MimeMessage.Load(stream);
    }

    /// <summary>The kind of failure, never its text: an SMTP server's answer may quote the recipient's address.</summary>
    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException smtp => $"{nameof(SmtpCommandException)} {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        _ => e.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "An e-mail with the same Message-Id was already queued; not queued again")]
    private static partial void LogAlreadyGiven(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a queued e-mail in the outbox; it is lost")]
    private static partial void LogNotStored(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send an e-mail (attempt {Attempt}, {Error}); next try in {RetryMinutes} min")]
    private static partial void LogFailed(ILogger logger, int attempt, int retryMinutes, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up an e-mail after {Attempts} attempts in {Hours} h ({Error}); it was deleted unsent")]
    private static partial void LogGivenUp(ILogger logger, int attempts, int hours, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail outbox round: {Sent} sent, {Failed} failed and kept for a retry, {GivenUp} given up")]
    private static partial void LogRound(ILogger logger, int sent, int failed, int givenUp);
}

/// <param name="Taken">Due rows found (some may have been taken by another round).</param>
public sealed record MailOutboxRound(int Taken, int Sent, int Failed, int GivenUp);

/// <param name="OldestUtc">When the oldest waiting message was queued; null when none waits.</param>
public sealed record MailBacklog(int Waiting, DateTime? OldestUtc);
