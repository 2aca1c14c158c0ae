using System.Security.Claims;
using Coalition.Data.Entities;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>Claims the portal adds to a staff member's sign-in, and the rule of who must use two-factor sign-in.</summary>
public static class StaffClaims
{
    /// <summary>Present (value "true") while the account has an authenticator app enrolled.</summary>
    public const string TwoFactor = "coalition:2fa";

    public static bool HasTwoFactor(ClaimsPrincipal user) =>
        user?.HasClaim(TwoFactor, "true") == true;

    /// <summary>
    /// Administrators and holders of the Legal Aid permission always need two-factor sign-in; everyone else when
    /// <see cref="SecurityOptions.RequireTwoFactorForAllStaff"/>.
    /// </summary>
    public static bool TwoFactorRequired(bool isAdministratorOrLegalAid, SecurityOptions options) =>
        isAdministratorOrLegalAid || options?.RequireTwoFactorForAllStaff != false;

    public static bool MustEnrolTwoFactor(ClaimsPrincipal user, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !HasTwoFactor(user) && TwoFactorRequired(user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.LegalAid), options);
    }
}

/// <summary>Adds <see cref="StaffClaims.TwoFactor"/>; it is rebuilt with the roles at every security-stamp check.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactor, "true"));
        }

        return identity;
    }
}

/// <summary>A disabled account cannot sign in, with a password or a second factor.</summary>
public sealed class StaffAccountConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.DisabledUtc is null);
    }
}
