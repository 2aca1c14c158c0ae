using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>
/// Per-IP limits on the account forms that an attacker would hammer. Section <c>RateLimits</c>.
/// Each limit is a sliding window: at most <c>…PermitLimit</c> POSTs from one IP address in <c>…WindowSeconds</c>;
/// further POSTs are answered 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in, authenticator-code and recovery-code POSTs per window. Default 10.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:SignInPermitLimit must be between 1 and 100000.")]
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>Window of the sign-in limit, in seconds. Default 300.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:SignInWindowSeconds must be between 1 and 86400.")]
    public int SignInWindowSeconds { get; set; } = 300;

    /// <summary>"Forgot password" and "set a new password" POSTs per window. Default 5.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:PasswordResetPermitLimit must be between 1 and 100000.")]
    public int PasswordResetPermitLimit { get; set; } = 5;

    /// <summary>Window of the password-reset limit, in seconds. Default 900.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:PasswordResetWindowSeconds must be between 1 and 86400.")]
    public int PasswordResetWindowSeconds { get; set; } = 900;

    /// <summary>Invitation-acceptance POSTs per window. Default 10.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:InvitationPermitLimit must be between 1 and 100000.")]
    public int InvitationPermitLimit { get; set; } = 10;

    /// <summary>Window of the invitation limit, in seconds. Default 900.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:InvitationWindowSeconds must be between 1 and 86400.")]
    public int InvitationWindowSeconds { get; set; } = 900;

    /// <summary>Legal Aid request POSTs per window. Default 5.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:LegalAidRequestPermitLimit must be between 1 and 100000.")]
    public int LegalAidRequestPermitLimit { get; set; } = 5;

    /// <summary>Window of the Legal Aid request limit, in seconds. Default 3600.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:LegalAidRequestWindowSeconds must be between 1 and 86400.")]
    public int LegalAidRequestWindowSeconds { get; set; } = 3600;
    /// <summary>Search-page requests per IP address in <see cref="SearchWindowSeconds"/> (site search, issue 14). Default 60.</summary>
    [Range(1, 10_000_000, ErrorMessage = "RateLimits:SearchPermitLimit must be between 1 and 10000000.")]
    public int SearchPermitLimit { get; set; } = 60;

    /// <summary>The window of <see cref="SearchPermitLimit"/>, in seconds. Default 60.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:SearchWindowSeconds must be between 1 and 86400.")]
    public int SearchWindowSeconds { get; set; } = 60;

    /// <summary>Uploads per staff member in <see cref="UploadWindowSeconds"/>: each one decodes and re-encodes images. Default 20.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:UploadPermitLimit must be between 1 and 100000.")]
    public int UploadPermitLimit { get; set; } = 20;

    /// <summary>The window of <see cref="UploadPermitLimit"/>, in seconds. Default 60.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:UploadWindowSeconds must be between 1 and 86400.")]
    public int UploadWindowSeconds { get; set; } = 60;

    /// <summary>Password changes per staff member in <see cref="PasswordChangeWindowSeconds"/> (a wrong current password also counts toward lockout). Default 5.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:PasswordChangePermitLimit must be between 1 and 100000.")]
    public int PasswordChangePermitLimit { get; set; } = 5;

    /// <summary>The window of <see cref="PasswordChangePermitLimit"/>, in seconds. Default 300.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:PasswordChangeWindowSeconds must be between 1 and 86400.")]
    public int PasswordChangeWindowSeconds { get; set; } = 300;
    /// <summary>Event registration and cancellation POSTs per window. Default 10.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:EventRegistrationPermitLimit must be between 1 and 100000.")]
    public int EventRegistrationPermitLimit { get; set; } = 10;

    /// <summary>Window of the event-registration limit, in seconds. Default 600.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:EventRegistrationWindowSeconds must be between 1 and 86400.")]
    public int EventRegistrationWindowSeconds { get; set; } = 600;
}
