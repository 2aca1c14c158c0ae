using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Coalition.Web.Options;

/// <summary>
/// Outgoing e-mail (invitations, password resets, event and press mails). Section <c>Mail</c>. With <see cref="SmtpHost"/> set, mail goes
/// through that SMTP server; without it, each message is written as an <c>.eml</c> file to <see cref="PickupFolder"/>,
/// which is what Development uses so that a new developer can read an invitation without a mail server.
/// </summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    /// <summary>Sender address. Default <c>portal@localhost</c>; set a real one with SMTP.</summary>
    [Required(ErrorMessage = "Mail:From is required.")]
    [EmailAddress(ErrorMessage = "Mail:From must be an e-mail address.")]
    public string From { get; set; } = "portal@localhost";

    /// <summary>Sender name. Default <c>Coalition portal</c>.</summary>
    [StringLength(100, ErrorMessage = "Mail:FromName must be at most 100 characters.")]
    public string FromName { get; set; } = "Coalition portal";

    /// <summary>SMTP server host name. Default none: write .eml files to <see cref="PickupFolder"/> instead.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port. Default 587.</summary>
    [Range(1, 65535, ErrorMessage = "Mail:SmtpPort must be between 1 and 65535.")]
    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (default: STARTTLS, required), <c>SslOnConnect</c> (port 465), <c>StartTlsWhenAvailable</c>,
    /// <c>Auto</c> or <c>None</c> (a relay on the same machine only).
    /// </summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>SMTP user name. Default none: no authentication.</summary>
    public string? SmtpUserName { get; set; }

    /// <summary>SMTP password; put it in an environment variable (<c>Mail__SmtpPassword</c>), never in the repository. Default none.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>Folder for .eml files when no SMTP host is set, relative to the content root unless absolute. Default <c>App_Data/mail</c>.</summary>
    [Required(ErrorMessage = "Mail:PickupFolder is required.")]
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>
    /// How long an e-mail that cannot be sent (the SMTP server is down or refuses it) is retried, in hours from when it
    /// was queued; after that it is deleted unsent, and the log says so without its address or subject. Default 48
    /// (two days). Retries come after 1, 2, 5, 10 and 30 minutes, then hourly.
    /// </summary>
    [Range(1, 336, ErrorMessage = "Mail:GiveUpAfterHours must be between 1 and 336 (two weeks).")]
    public int GiveUpAfterHours { get; set; } = 48;

    public TimeSpan GiveUpAfter => TimeSpan.FromHours(GiveUpAfterHours);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SmtpUserName) != string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Mail:SmtpUserName and Mail:SmtpPassword must be set together.", [nameof(SmtpUserName)]);
        }
    }
}
