namespace Coalition.Web.Options;

/// <summary>
/// The first Administrator, created only while no staff account exists. Section <c>Admin</c>
/// (environment variables <c>Admin__Email</c>, <c>Admin__Password</c>). Both unset by default:
/// in Development the app then generates a password and logs it once.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>E-mail (and user name) of the first Administrator. Default: none.</summary>
    public string? Email { get; set; }

    /// <summary>Password of the first Administrator; at least 12 characters. Default: none.</summary>
    public string? Password { get; set; }
}
