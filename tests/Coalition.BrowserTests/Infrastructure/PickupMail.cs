using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// Reads the e-mails the portal wrote to its pickup folder (<see cref="PortalFixture.MailFolder"/>), as the recipient
/// would: the newest message to an address, and the link in its text.
/// </summary>
internal static partial class PickupMail
{
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The newest .eml file addressed to <paramref name="recipient"/>, waiting for it to appear: a password-reset message
    /// is sent from a queue after the response.
    /// </summary>
    public static async Task<MimeMessage> NewestToAsync(string folder, string recipient, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var files = Directory.Exists(folder)
                ? new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name).ToList()
                : [];

            // A file touched in the last moments may still be being written: wait until the newest one has settled.
            if (files.Count == 0 || DateTime.UtcNow - files[0].LastWriteTimeUtc > SettleTime)
            {
                foreach (var file in files)
                {
                    var message = await MimeMessage.LoadAsync(file.FullName);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                    {
                        return message;
                    }
                }
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"No e-mail to {recipient} in {folder} after {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The one link in the message's text that leads to <paramref name="path"/> (for example /account/invitation).</summary>
    public static Uri LinkTo(MimeMessage message, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody ?? throw new InvalidOperationException($"The message \"{message.Subject}\" has no plain text.");
        var links = Link().Matches(text).Select(m => new Uri(m.Value)).Where(u => u.AbsolutePath == path).ToList();
        Assert.True(links.Count == 1, $"The message \"{message.Subject}\" should have one link to {path}; its text:{Environment.NewLine}{text}");
        return links[0];
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
