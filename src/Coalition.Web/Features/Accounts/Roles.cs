namespace Coalition.Web.Features.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";

    /// <summary>
    /// A permission added to an Editor's or Administrator's account (issue 12): see event registrations and download
    /// them. Administrators grant it on the accounts page; holding the Administrator role alone does not give it.
    /// </summary>
    public const string ViewRegistrations = "ViewRegistrations";

    /// <summary>The main roles: every account has exactly one.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, Editor];

    /// <summary>Permissions an account may hold besides its main role.</summary>
    public static readonly IReadOnlyList<string> Permissions = [ViewRegistrations];
}

/// <summary>Authorization is by policy, so a new role only needs adding to the policies that admit it.</summary>
public static class Policies
{
    /// <summary>Any staff member: the admin area.</summary>
    public const string Staff = "Staff";

    /// <summary>Administrators only: accounts, purge, audit.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Staff holding the <see cref="Roles.ViewRegistrations"/> permission: event registrations.</summary>
    public const string ViewRegistrations = "ViewRegistrations";
}
