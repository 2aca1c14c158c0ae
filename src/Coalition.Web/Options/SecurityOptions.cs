using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Staff account security. Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Every staff member must enrol an authenticator app before doing anything else. Default true.
    /// Administrators need two-factor sign-in whatever this says; false only relaxes it for Editors
    /// (integration tests of content features set it to false).
    /// </summary>
    public bool RequireTwoFactorForAllStaff { get; set; } = true;

    /// <summary>How long an invitation link stays valid, in hours. Default 72.</summary>
    [Range(1, 720, ErrorMessage = "Security:InvitationLifetimeHours must be between 1 and 720.")]
    public int InvitationLifetimeHours { get; set; } = 72;

    /// <summary>How long a password-reset link stays valid, in minutes. Default 60.</summary>
    [Range(5, 1440, ErrorMessage = "Security:PasswordResetLifetimeMinutes must be between 5 and 1440.")]
    public int PasswordResetLifetimeMinutes { get; set; } = 60;

    /// <summary>A session with no request for this long ends, in minutes. Default 60.</summary>
    [Range(5, 1440, ErrorMessage = "Security:SessionIdleTimeoutMinutes must be between 5 and 1440.")]
    public int SessionIdleTimeoutMinutes { get; set; } = 60;

    /// <summary>A session ends this long after sign-in however active it is, in hours. Default 12.</summary>
    [Range(1, 168, ErrorMessage = "Security:SessionAbsoluteTimeoutHours must be between 1 and 168.")]
    public int SessionAbsoluteTimeoutHours { get; set; } = 12;

    /// <summary>The OWASP figure for PBKDF2-HMAC-SHA256, and the default of <see cref="PasswordHashIterations"/>.</summary>
    public const int RecommendedPasswordHashIterations = 600_000;

    /// <summary>
    /// PBKDF2-HMAC-SHA256 iterations of new password hashes. Default 600,000 (OWASP); a hash made with fewer is
    /// re-made at the next sign-in. Only the test configuration lowers it (to 1,000), to keep each test sign-in fast;
    /// never lower it in production.
    /// </summary>
    [Range(1_000, 10_000_000, ErrorMessage = "Security:PasswordHashIterations must be between 1,000 and 10,000,000.")]
    public int PasswordHashIterations { get; set; } = RecommendedPasswordHashIterations;

    public TimeSpan InvitationLifetime => TimeSpan.FromHours(InvitationLifetimeHours);

    public TimeSpan PasswordResetLifetime => TimeSpan.FromMinutes(PasswordResetLifetimeMinutes);
}
