using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
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
    AuditLog audit,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>One message for an unknown e-mail, a wrong password and a locked account, so none reveals which it was.</summary>
    public const string SignInFailedMessage = "Sign-in failed. Check your e-mail and password. After 5 failed attempts an account is locked for 15 minutes.";

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
            await audit.RecordAsync(AuditActions.SignInFailed, summary: "unknown account", actor: new StaffActor(null, null));
            ModelState.AddModelError(string.Empty, t[SignInFailedMessage]);
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            await audit.RecordAsync(AuditActions.SignIn, actor: Actor(user));
            return LocalRedirect(returnUrl ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            await audit.RecordAsync(AuditActions.LockedOut, actor: Actor(user));
            ModelState.AddModelError(string.Empty, t[SignInFailedMessage]);
            return View(model);
        }

        LogFailed(logger);
        await audit.RecordAsync(AuditActions.SignInFailed, actor: Actor(user));
        ModelState.AddModelError(string.Empty, t[SignInFailedMessage]);
        return View(model);
    }

    private static StaffActor Actor(StaffUser user) => new(user.Id, user.Email);

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // A new stamp makes a copied cookie useless at its next validation.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(AuditActions.SignOut, actor: Actor(user));
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
