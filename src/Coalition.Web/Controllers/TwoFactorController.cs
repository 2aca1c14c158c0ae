using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Controllers;

/// <summary>Two-factor sign-in for oneself: enrol an authenticator app, recovery codes, start again with a new phone.</summary>
[Route("account/two-factor")]
[Authorize(Policy = Policies.Staff)]
public sealed class TwoFactorController(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    TwoFactorEnrolment twoFactor,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("enable")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Enable()
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/account");
        }

        return View(new EnableAuthenticatorViewModel { Setup = await twoFactor.GetSetupAsync(user), Required = await twoFactor.IsRequiredAsync(user) });
    }

    [HttpPost("enable")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> Enable(EnableAuthenticatorViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return LocalRedirect("/account");
        }

        var codes = ModelState.IsValid ? await twoFactor.EnableAsync(user, model.Code) : null;
        if (codes is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(model.Code), t[AccountController.CodeFailedMessage]);
            }

            model.Code = "";
            model.Setup = await twoFactor.GetSetupAsync(user);
            model.Required = await twoFactor.IsRequiredAsync(user);
            return View(model);
        }

        // Enabling changed the security stamp: renew this session so it carries the new stamp and the 2FA claim.
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes, codes.Count));
    }

    [HttpGet("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentAsync();
        return user.TwoFactorEnabled
            ? View(new RecoveryCodesViewModel(null, await twoFactor.RecoveryCodesLeftAsync(user)))
            : LocalRedirect(TwoFactorEnrolmentFilter.EnrolmentPath);
    }

    /// <summary>New codes only with the password: a session taken over without it cannot mint itself a way back in.</summary>
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes(ConfirmPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return LocalRedirect(TwoFactorEnrolmentFilter.EnrolmentPath);
        }

        if (!await PasswordConfirmedAsync(user, model))
        {
            return View("RecoveryCodes", new RecoveryCodesViewModel(null, await twoFactor.RecoveryCodesLeftAsync(user)));
        }

        var codes = await twoFactor.RegenerateRecoveryCodesAsync(user);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes, codes.Count, Replaced: true));
    }

    [HttpGet("reset")]
    public IActionResult Reset() => View(new ConfirmPasswordViewModel());

    /// <summary>Forgets the app and the codes after confirming the password; a session taken over without it cannot do this.</summary>
    [HttpPost("reset")]
    public async Task<IActionResult> Reset(ConfirmPasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var user = await CurrentAsync();
        if (!await PasswordConfirmedAsync(user, model))
        {
            return View(model);
        }

        await twoFactor.ResetAsync(user, AuditActions.TwoFactorReset);
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(TwoFactorEnrolmentFilter.EnrolmentPath);
    }

    /// <summary>Checks the current password; wrong ones count towards lockout like at sign-in.</summary>
    private async Task<bool> PasswordConfirmedAsync(StaffUser user, ConfirmPasswordViewModel model)
    {
        if (ModelState.IsValid && !(await signIn.CheckPasswordSignInAsync(user, model.CurrentPassword, lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), t["The current password is not correct."]);
        }

        return ModelState.IsValid;
    }

    private async Task<StaffUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
