using Coalition.Web.Features.Accounts;
using Coalition.Web.Infrastructure;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Coalition.Web.Controllers;

/// <summary>
/// "This was not me", from a new-device alert: the link shows a confirmation (a GET changes nothing, as mail
/// scanners open links); the button ends every session, voids the old password and leads to choosing a new one.
/// </summary>
[Route("account/not-me")]
[AllowAnonymous]
public sealed class NotMeController(NewDeviceAlerts alerts, SignInManager<Coalition.Data.Entities.StaffUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Confirm(string? user, string? token) =>
        await alerts.FindAsync(user, token) is null
            ? View("LinkInvalid")
            : View(new NotMeViewModel { User = user!, Token = token! });

    [HttpPost("")]
    [EnableRateLimiting(RateLimitingExtensions.PasswordResetPolicy)]
    public async Task<IActionResult> Confirm(NotMeViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var reset = await alerts.NotMeAsync(model.User, model.Token);
        if (reset is null)
        {
            return View("LinkInvalid");
        }

        await signIn.SignOutAsync();
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder { { "user", model.User }, { "token", reset } };
        return LocalRedirect("/account/reset-password" + query.ToQueryString());
    }
}
