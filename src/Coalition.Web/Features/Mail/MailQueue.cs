using System.Threading.Channels;
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

/// <summary>Sends queued messages one by one. A failure is logged (without addresses) and the next message goes on.</summary>
public sealed partial class MailQueueWorker(
    MailQueue queue,
    IMailSender sender,
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
                await sender.SendAsync(message, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:SmtpHost is not set: e-mails are written to {Folder} and nobody receives them")]
    private static partial void LogNoSmtp(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send a queued e-mail")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
