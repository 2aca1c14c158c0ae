namespace Coalition.Web.Features.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";

    /// <summary>
    /// A permission added to an Editor's or Administrator's account: the Legal Aid inbox. Granting it gives no way
    /// to read requests: that needs the Group's passphrase.
    /// </summary>
    public const string LegalAid = "LegalAid";

    /// <summary>
    /// A permission added to an Editor's or Administrator's account (issue 12): see event registrations and download
    /// them. Administrators grant it on the accounts page; holding the Administrator role alone does not give it.
    /// </summary>
    public const string ViewRegistrations = "ViewRegistrations";

    /// <summary>The main roles: every account has exactly one.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, Editor];

    /// <summary>Permissions an account may hold besides its main role.</summary>
    public static readonly IReadOnlyList<string> Permissions = [LegalAid, ViewRegistrations];
}

/// <summary>Authorization is by policy, so a new role only needs adding to the policies that admit it.</summary>
public static class Policies
{
    /// <summary>Any staff member: the admin area.</summary>
    public const string Staff = "Staff";

    /// <summary>Administrators only: accounts, purge, audit.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Holders of the Legal Aid permission: the Legal Aid inbox (its contents also need the passphrase).</summary>
    public const string LegalAid = "LegalAid";

    /// <summary>The press-alert subscribers' addresses (Administrators): personal data, shown to few.</summary>
    public const string ManageSubscribers = "ManageSubscribers";
    /// <summary>Staff holding the <see cref="Roles.ViewRegistrations"/> permission: event registrations.</summary>
    public const string ViewRegistrations = "ViewRegistrations";
}
