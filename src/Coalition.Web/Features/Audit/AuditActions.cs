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

    public static readonly IReadOnlyList<string> All =
    [
        Create, Edit, Publish, Unpublish, Schedule, Delete, Restore, Purge, Translate, Link, Unlink,
        ShareLinkCreate, ShareLinkRevoke, MediaUpload, MediaUploadRejected, MediaEdit, MediaDelete, SignIn, SignInFailed, LockedOut, SignOut, AccountCreate, RoleChange,
    ];
}
