using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Localization;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Controllers;

/// <summary>"Forgot password": the answer is the same whether or not the address has an account.</summary>
[Route("account")]
[AllowAnonymous]
public sealed class PasswordResetController(PasswordResets resets, IStringLocalizer<SharedResource> t) : Controller
{
    public const string SentMessage = "If this address belongs to a staff account, we have sent it a link to choose a new password. Check your inbox, and the spam folder, in a few minutes.";

    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordViewModel());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimitingExtensions.PasswordResetPolicy)]
    public async Task<IActionResult> Forgot(ForgotPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        await resets.RequestAsync(model.Email, SiteCultures.Current);
        TempData[AccountController.LoginNoticeKey] = t[SentMessage].Value;
        return LocalRedirect("/account/login");
    }

    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? user, string? token) =>
        await resets.FindAsync(user, token) is null
            ? View("LinkInvalid")
            : View(new ResetPasswordViewModel { User = user!, Token = token! });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimitingExtensions.PasswordResetPolicy)]
    public async Task<IActionResult> Reset(ResetPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await resets.ResetAsync(model.User, model.Token, model.NewPassword);
        if (result is null)
        {
            return View("LinkInvalid");
        }

        if (!result.Succeeded)
        {
            result.AddErrorsTo(ModelState, nameof(model.NewPassword));
            return View(model);
        }

        TempData[AccountController.LoginNoticeKey] = t["Your password has been changed. Sign in with the new password."].Value;
        return LocalRedirect("/account/login");
    }
}
