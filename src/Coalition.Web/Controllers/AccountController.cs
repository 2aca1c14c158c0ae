using Coalition.Data.Entities;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Controllers;

/// <summary>Staff sign-in. There is deliberately no registration: accounts are created by an Administrator.</summary>
[Route("account")]
public sealed partial class AccountController(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var returnUrl = Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl : null;
        model.ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null)
        {
            // Same work and the same answer as a wrong password, so the form does not reveal who has an account.
            users.PasswordHasher.HashPassword(new StaffUser(), model.Password);
            LogFailed(logger);
            ModelState.AddModelError(string.Empty, t["Invalid e-mail or password."]);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            return LocalRedirect(returnUrl ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            ModelState.AddModelError(string.Empty, t["This account is locked after too many failed sign-ins. Try again in 15 minutes."]);
            return View(model);
        }

        LogFailed(logger);
        ModelState.AddModelError(string.Empty, t["Invalid e-mail or password."]);
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // A new stamp makes a copied cookie useless at its next validation.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Staff {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed staff sign-in")]
    private static partial void LogFailed(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Staff {UserId} locked out after failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
