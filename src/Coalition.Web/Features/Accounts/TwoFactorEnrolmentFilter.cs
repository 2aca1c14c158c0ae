using Coalition.Web.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>Marks the few staff pages reachable before two-factor sign-in is set up: the enrolment itself and signing out.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

/// <summary>
/// A staff member who must use two-factor sign-in (<see cref="StaffClaims.MustEnrolTwoFactor"/>) and has not set it
/// up is sent to the enrolment page from every page that needs a signed-in user. Public pages are unaffected.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(IOptions<SecurityOptions> options) : IAuthorizationFilter
{
    public const string EnrolmentPath = "/account/two-factor/enable";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.HttpContext.User;
        var metadata = context.ActionDescriptor.EndpointMetadata;
        if (user.Identity?.IsAuthenticated != true
            || metadata.OfType<IAllowAnonymous>().Any()
            || !metadata.OfType<IAuthorizeData>().Any()
            || metadata.OfType<AllowWithoutTwoFactorAttribute>().Any()
            || !StaffClaims.MustEnrolTwoFactor(user, options.Value))
        {
            return;
        }

        context.Result = new RedirectResult(EnrolmentPath);
    }
}
