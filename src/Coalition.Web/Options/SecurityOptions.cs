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

    public TimeSpan InvitationLifetime => TimeSpan.FromHours(InvitationLifetimeHours);

    public TimeSpan PasswordResetLifetime => TimeSpan.FromMinutes(PasswordResetLifetimeMinutes);
}
