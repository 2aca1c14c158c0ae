using System.Threading.Channels;
using MimeKit;
using MimeKit.Utils;

namespace Coalition.Web.Features.Mail;

/// <summary>
/// Where features hand over an e-mail. <see cref="Enqueue"/> only puts the message in memory and returns at once, so
/// the time a form takes does not depend on whether a message was sent (the password-reset form must not reveal
/// which addresses have an account); <see cref="MailOutboxWorker"/> stores it in the durable, encrypted
/// <see cref="MailOutbox"/> straight away, and sends it from there with retries (docs/decisions/0021-durable-mail-outbox.md).
/// Bounded: should the database stall and the hand-off fill, messages are dropped and logged rather than held in memory.
/// </summary>
public sealed partial class MailQueue(ILogger<MailQueue> logger) : IDisposable
{
    internal const int Capacity = 1000;

    private readonly Channel<MimeMessage> _channel = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });

    private readonly SemaphoreSlim _due = new(0, 1);

    internal ChannelReader<MimeMessage> Reader => _channel.Reader;

    /// <summary>
    /// Queues <paramref name="message"/> for sending. A message without a Message-Id gets one; a message whose id was
    /// already given (a job that builds its messages with fixed ids, on two instances) is sent once.
    /// </summary>
    public void Enqueue(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId();
        }

        if (!_channel.Writer.TryWrite(message))
        {
            LogDropped(logger);
        }
    }

    /// <summary>No more messages: the worker stores what is left and stops (at shutdown).</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    /// <summary>Wakes the sender: a message was just stored.</summary>
    internal void SignalDue()
    {
        if (_due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled
            }
        }
    }

    /// <summary>Waits until <see cref="SignalDue"/> is called or <paramref name="timeout"/> passes on <paramref name="clock"/>.</summary>
    internal async Task WaitForDueAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, wake.Token);
        await Task.WhenAny(delay, _due.WaitAsync(wake.Token));
        await wake.CancelAsync();
    }

    public void Dispose() => _due.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The outgoing mail hand-off is full; a message was dropped")]
    private static partial void LogDropped(ILogger logger);
}
