using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Infrastructure;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Coalition.Web.Controllers;

/// <summary>The invitee's side: open the link from the e-mail, choose a password, then set up two-factor sign-in.</summary>
[Route("account/invitation")]
[AllowAnonymous]
public sealed class InvitationController(Invitations invitations, SignInManager<StaffUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept(string? user, string? token) =>
        await invitations.FindAsync(user, token) is { } invited
            ? View(new AcceptInvitationViewModel { User = user!, Token = token!, Email = invited.Email, DisplayName = invited.DisplayName })
            : View("LinkInvalid");

    [HttpPost("")]
    [EnableRateLimiting(RateLimitingExtensions.InvitationPolicy)]
    public async Task<IActionResult> Accept(AcceptInvitationViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var invited = await invitations.FindAsync(model.User, model.Token);
        if (invited is null)
        {
            return View("LinkInvalid");
        }

        (model.Email, model.DisplayName) = (invited.Email, invited.DisplayName);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await invitations.AcceptAsync(model.User, model.Token, model.NewPassword);
        if (result is null)
        {
            return View("LinkInvalid");
        }

        if (!result.Succeeded)
        {
            result.AddErrorsTo(ModelState, nameof(model.NewPassword));
            return View(model);
        }

        // Signed in at once; the two-factor filter then leads to the authenticator set-up.
        await signIn.SignInAsync(invited, isPersistent: false);
        return LocalRedirect(TwoFactorEnrolmentFilter.EnrolmentPath);
    }
}
