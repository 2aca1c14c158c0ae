namespace Coalition.Web.Features.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor];
}

/// <summary>Authorization is by policy, so a new role only needs adding to the policies that admit it.</summary>
public static class Policies
{
    /// <summary>Any staff member: the admin area.</summary>
    public const string Staff = "Staff";

    /// <summary>Administrators only: accounts, purge, audit.</summary>
    public const string Administrator = "Administrator";

    /// <summary>The press-alert subscribers' addresses (Administrators): personal data, shown to few.</summary>
    public const string ManageSubscribers = "ManageSubscribers";
}
