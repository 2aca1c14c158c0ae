using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Controllers;

/// <summary>
/// Staff sign-in: password, then the authenticator code or a recovery code. There is deliberately no registration:
/// accounts are created by an Administrator's invitation.
/// </summary>
[Route("account")]
public sealed partial class AccountController(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IStringLocalizer<SharedResource> t,
    AuditLog audit,
    NewDeviceAlerts devices,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>One message for an unknown e-mail, a wrong password, a locked and a disabled account, so none reveals which it was.</summary>
    public const string SignInFailedMessage = "Sign-in failed. Check your e-mail and password. After 5 failed attempts an account is locked for 15 minutes.";

    /// <summary>TempData key of a one-time message on the sign-in page, after a redirect.</summary>
    public const string LoginNoticeKey = "account.notice";

    public const string CodeFailedMessage = "The code is not valid. Codes change every 30 seconds, and each code works only once: wait for the next one.";

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = LocalOrNull(returnUrl), Notice = TempData[LoginNoticeKey] as string });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email.Trim());
        if (user is null || user.PasswordHash is null)
        {
            // An invitation not yet accepted has no password: answered like an unknown address.
            // Same work and the same answer as a wrong password, so the form does not reveal who has an account.
            users.PasswordHasher.HashPassword(new StaffUser(), model.Password);
            LogFailed(logger);
            await audit.RecordAsync(AuditActions.SignInFailed, summary: "unknown account", actor: new StaffActor(null, null));
            return Failed(model, SignInFailedMessage);
        }

        var result = await signIn.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            await audit.RecordAsync(AuditActions.SignIn, actor: Actor(user));
            await devices.OnSignedInAsync(HttpContext, user);
            return LocalRedirect(model.ReturnUrl ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect("/account/login/two-factor" + ReturnQuery(model.ReturnUrl));
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses a locked or disabled account before checking the password: hash anyway, for equal timing.
            users.PasswordHasher.HashPassword(new StaffUser(), model.Password);
            LogLockedOut(logger, user.Id);
            await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed,
                summary: result.IsNotAllowed ? "disabled account" : null, actor: Actor(user));
            return Failed(model, SignInFailedMessage);
        }

        LogFailed(logger);
        await audit.RecordAsync(AuditActions.SignInFailed, actor: Actor(user));
        return Failed(model, SignInFailedMessage);
    }

    [HttpGet("login/two-factor")]
    [AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/account/login")
            : View(new TwoFactorLoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("login/two-factor")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> TwoFactor(TwoFactorLoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(model.Code, isPersistent: false, rememberClient: false);
        return await SecondFactorOutcomeAsync(result, user, model.ReturnUrl, "authenticator", () =>
        {
            model.Code = "";
            return Failed(model, CodeFailedMessage);
        });
    }

    [HttpGet("login/recovery")]
    [AllowAnonymous]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/account/login")
            : View(new RecoveryLoginViewModel { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("login/recovery")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> Recovery(RecoveryLoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ReturnUrl = LocalOrNull(model.ReturnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(model.RecoveryCode);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.RecoveryCodeUsed, nameof(StaffUser), user.Id, actor: Actor(user));
        }

        return await SecondFactorOutcomeAsync(result, user, model.ReturnUrl, "recovery code", () =>
        {
            model.RecoveryCode = "";
            return Failed(model, "The recovery code is not valid.");
        });
    }

    [HttpPost("logout")]
    [AllowWithoutTwoFactor]
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

    private async Task<IActionResult> SecondFactorOutcomeAsync(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, string? returnUrl, string method, Func<IActionResult> failed)
    {
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            await audit.RecordAsync(AuditActions.SignIn, summary: method, actor: Actor(user));
            await devices.OnSignedInAsync(HttpContext, user);
            return LocalRedirect(returnUrl ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            await audit.RecordAsync(AuditActions.LockedOut, actor: Actor(user));
            await signIn.SignOutAsync();
            TempData[LoginNoticeKey] = t[SignInFailedMessage].Value;
            return LocalRedirect("/account/login");
        }

        LogFailed(logger);
        await audit.RecordAsync(AuditActions.TwoFactorFailed, nameof(StaffUser), user.Id, method, Actor(user));
        return failed();
    }

    private ViewResult Failed(object model, string message)
    {
        ModelState.AddModelError(string.Empty, t[message]);
        return View(model);
    }

    /// <summary>A local return URL or none; the posted value is also dropped from ModelState, so a form never echoes a foreign one.</summary>
    private string? LocalOrNull(string? returnUrl)
    {
        ModelState.Remove(nameof(LoginViewModel.ReturnUrl));
        return Url.IsLocalUrl(returnUrl) ? returnUrl : null;
    }

    private static string ReturnQuery(string? returnUrl) =>
        returnUrl is null ? "" : QueryString.Create("returnUrl", returnUrl).ToString();

    private static StaffActor Actor(StaffUser user) => new(user.Id, user.Email);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Staff {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Failed staff sign-in")]
    private static partial void LogFailed(ILogger logger);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Staff {UserId} refused: locked out or disabled")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
