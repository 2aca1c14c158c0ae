namespace Coalition.Web.Features.Audit;

/// <summary>The names of audited actions, as stored. Add new ones here; never rename a stored one.</summary>
public static class AuditActions
{
    public const string Create = "content.create";
    public const string Edit = "content.edit";
    public const string Publish = "content.publish";
    public const string Unpublish = "content.unpublish";
    public const string Schedule = "content.schedule";
    public const string Delete = "content.delete";
    public const string Restore = "content.restore";
    public const string Purge = "content.purge";
    public const string Translate = "content.translate";
    public const string Link = "content.link";
    public const string Unlink = "content.unlink";
    public const string ShareLinkCreate = "sharelink.create";
    public const string ShareLinkRevoke = "sharelink.revoke";

    public const string MediaUpload = "media.upload";
    public const string MediaUploadRejected = "media.upload-rejected";
    public const string MediaEdit = "media.edit";
    public const string MediaDelete = "media.delete";

    public const string SignIn = "account.signin";
    public const string SignInFailed = "account.signin-failed";
    public const string LockedOut = "account.lockout";
    public const string SignOut = "account.signout";
    public const string AccountCreate = "account.create";
    public const string RoleChange = "account.role-change";
    public const string PermissionChange = "account.permission-change";
    public const string Invite = "account.invite";
    public const string InvitationResend = "account.invitation-resend";
    public const string InvitationAccept = "account.invitation-accept";
    public const string PasswordResetRequest = "account.password-reset-request";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChange = "account.password-change";
    public const string TwoFactorEnable = "account.2fa-enable";
    public const string TwoFactorReset = "account.2fa-reset";
    public const string TwoFactorFailed = "account.2fa-failed";
    public const string RecoveryCodeUsed = "account.recovery-code-used";
    public const string RecoveryCodesRegenerate = "account.recovery-codes-regenerate";
    public const string Disable = "account.disable";
    public const string Enable = "account.enable";
    public const string SessionsRevoke = "account.sessions-revoke";
    public const string NotMe = "account.not-me";
    public const string Unlock = "account.unlock";

    // Event registrations (issue 12): by event and count, never by person.
    public const string RegistrationsView = "registrations.view";
    public const string RegistrationsExport = "registrations.export";
    public const string RegistrationsChange = "registrations.change";
    public const string RegistrationsWrite = "registrations.message";
    public const string RegistrationsRetention = "registrations.retention";

    public static readonly IReadOnlyList<string> All =
    [
        Create, Edit, Publish, Unpublish, Schedule, Delete, Restore, Purge, Translate, Link, Unlink,
        ShareLinkCreate, ShareLinkRevoke, MediaUpload, MediaUploadRejected, MediaEdit, MediaDelete, SignIn, SignInFailed, LockedOut, SignOut, AccountCreate, RoleChange, PermissionChange,
        Invite, InvitationResend, InvitationAccept, PasswordResetRequest, PasswordReset, PasswordChange,
        TwoFactorEnable, TwoFactorReset, TwoFactorFailed, RecoveryCodeUsed, RecoveryCodesRegenerate,
        Disable, Enable, SessionsRevoke, Unlock,
        RegistrationsView, RegistrationsExport, RegistrationsChange, RegistrationsWrite, RegistrationsRetention,
    ];
}
