using System.Threading.Channels;
using Coalition.Web.Features.Jobs;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Mail;

/// <summary>
/// Messages sent after the response, so that the time a form takes does not depend on whether a message was sent
/// (the password-reset form must not reveal which addresses have an account). Bounded: when full, messages are dropped
/// and logged rather than held in memory.
/// </summary>
public sealed partial class MailQueue(ILogger<MailQueue> logger)
{
    private readonly Channel<MimeMessage> _channel = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal ChannelReader<MimeMessage> Reader => _channel.Reader;

    public void Enqueue(MimeMessage message)
    {
        if (!_channel.Writer.TryWrite(message))
        {
            LogDropped(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outgoing mail queue is full; a message was dropped")]
    private static partial void LogDropped(ILogger logger);
}

/// <summary>
/// Sends queued messages one by one. A failure is logged (without addresses) and the next message goes on.
/// Each message is first claimed by its Message-Id in the database (<see cref="JobLeases"/>): when two instances are
/// given the same message (a job that builds its messages with fixed ids, such as press alerts), only one sends it.
/// </summary>
public sealed partial class MailQueueWorker(
    MailQueue queue,
    IMailSender sender,
    JobLeases leases,
    IOptions<MailOptions> options,
    IHostEnvironment environment,
    ILogger<MailQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesSmtp && !environment.IsDevelopment())
        {
            LogNoSmtp(logger, options.Value.PickupFolder);
        }

        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                message.MessageId ??= MimeKit.Utils.MimeUtils.GenerateMessageId();
                if (!await leases.TryClaimAsync(ClaimPrefix, message.MessageId, ClaimKept, stoppingToken))
                {
                    LogAlreadySent(logger);
                    continue;
                }

                await sender.SendAsync(message, stoppingToken);
                await leases.RunOncePerPeriodAsync("mail-claims-cleanup", TimeSpan.FromDays(1), ct => leases.DeleteExpiredAsync(ClaimPrefix, ct), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>Claims of sent messages are kept a week: a copy of a message given again within that time is not sent.</summary>
    internal static readonly TimeSpan ClaimKept = TimeSpan.FromDays(7);

    internal const string ClaimPrefix = "mail";

    [LoggerMessage(Level = LogLevel.Information, Message = "A queued e-mail was already sent by another instance; not sent again")]
    private static partial void LogAlreadySent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:SmtpHost is not set: e-mails are written to {Folder} and nobody receives them")]
    private static partial void LogNoSmtp(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send a queued e-mail")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
