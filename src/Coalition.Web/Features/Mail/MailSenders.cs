using System.Globalization;
using Coalition.Web.Options;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Coalition.Web.Features.Mail;

/// <summary>Sends one message. The boundary to the outside world: SMTP in production, a folder of .eml files otherwise.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>SMTP through MailKit, one connection per message: the portal sends a few messages a day.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.SmtpHost ?? "", o.SmtpPort, o.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each message as an .eml file (open it with any mail program). The files hold live links: keep the folder private.</summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IMailSender
{
    public string Folder => Path.IsPathRooted(options.Value.PickupFolder)
        ? options.Value.PickupFolder
        : Path.Combine(environment.ContentRootPath, options.Value.PickupFolder);

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var name = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".eml";
        await message.WriteToAsync(Path.Combine(Folder, name), ct);
    }
}
