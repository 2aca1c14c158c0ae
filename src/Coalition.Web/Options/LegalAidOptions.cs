using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The Legal Aid page, request form and inbox. Section <c>LegalAid</c>.</summary>
public sealed class LegalAidOptions : IValidatableObject
{
    public const string SectionName = "LegalAid";

    /// <summary>
    /// Address that is told "a new request has arrived" (never its content). Default none: no notification; the
    /// Group then looks at the inbox.
    /// </summary>
    [EmailAddress(ErrorMessage = "LegalAid:NotificationEmail must be an e-mail address.")]
    public string? NotificationEmail { get; set; }

    /// <summary>Language of the notification e-mail: <c>ru</c>, <c>tg</c> or <c>en</c>. Default <c>ru</c>.</summary>
    [RegularExpression("^(ru|tg|en)$", ErrorMessage = "LegalAid:NotificationLanguage must be ru, tg or en.")]
    public string NotificationLanguage { get; set; } = "ru";

    /// <summary>Where "Leave this page" goes: a neutral, everyday site. Default <c>https://www.google.com/</c>.</summary>
    public Uri QuickExitUrl { get; set; } = new("https://www.google.com/");

    /// <summary>The phone number shown while the form is not available. Default the placeholder <c>+992 00 000 0000</c>.</summary>
    [Required(ErrorMessage = "LegalAid:ContactPhone is required.")]
    [StringLength(40, ErrorMessage = "LegalAid:ContactPhone must be at most 40 characters.")]
    public string ContactPhone { get; set; } = "+992 00 000 0000";

    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations that turn the passphrase into the key that encrypts the private key, for keys
    /// made from now on (each key stores its own count). Default 600000 (OWASP's 2023 figure).
    /// </summary>
    [Range(10_000, 10_000_000, ErrorMessage = "LegalAid:PassphraseIterations must be between 10000 and 10000000.")]
    public int PassphraseIterations { get; set; } = 600_000;

    /// <summary>Minutes an unlocked inbox stays unlocked in the member's session, at most 30. Default 30.</summary>
    [Range(1, 30, ErrorMessage = "LegalAid:UnlockMinutes must be between 1 and 30.")]
    public int UnlockMinutes { get; set; } = 30;

    /// <summary>Days after closing when a request and its notes are deleted for good. Default 180.</summary>
    [Range(1, 3650, ErrorMessage = "LegalAid:ClosedRetentionDays must be between 1 and 3650.")]
    public int ClosedRetentionDays { get; set; } = 180;

    /// <summary>Days after arrival when a request that nobody opened is deleted for good. Default 365.</summary>
    [Range(1, 3650, ErrorMessage = "LegalAid:UnopenedRetentionDays must be between 1 and 3650.")]
    public int UnopenedRetentionDays { get; set; } = 365;

    /// <summary>Seconds a person needs at least between opening the form and sending it; faster is taken for a robot. Default 5.</summary>
    [Range(0, 600, ErrorMessage = "LegalAid:MinimumFillSeconds must be between 0 and 600.")]
    public int MinimumFillSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QuickExitUrl is null || !QuickExitUrl.IsAbsoluteUri || QuickExitUrl.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("LegalAid:QuickExitUrl must be an absolute https address.", [nameof(QuickExitUrl)]);
        }
    }
}
