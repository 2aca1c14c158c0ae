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

/// <summary>A staff member's own account: overview, password, and "sign out everywhere".</summary>
[Route("account")]
[Authorize(Policy = Policies.Staff)]
public sealed class MyAccountController(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    StaffAccounts accounts,
    TwoFactorEnrolment twoFactor,
    AuditLog audit,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const string NoticeKey = "myaccount.notice";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentAsync();
        return View(new MyAccountViewModel(
            user.Email ?? "",
            user.DisplayName,
            await users.IsInRoleAsync(user, Roles.Administrator),
            user.TwoFactorEnabled,
            await twoFactor.IsRequiredAsync(user),
            await twoFactor.RecoveryCodesLeftAsync(user),
            TempData[NoticeKey] as string));
    }

    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordViewModel());

    [HttpPost("password")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimitingExtensions.PasswordChangePolicy)]
    public async Task<IActionResult> Password(ChangePasswordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await CurrentAsync();

        // A wrong current password counts toward lockout, as at sign-in: a stolen session cannot guess it at leisure.
        var check = await signIn.CheckPasswordSignInAsync(user, model.CurrentPassword, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, nameof(StaffUser), user.Id, "wrong current password");
            await signIn.SignOutAsync();
            TempData[AccountController.LoginNoticeKey] = t[AccountController.SignInFailedMessage].Value;
            return LocalRedirect("/account/login");
        }

        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(model.CurrentPassword), users.ErrorDescriber.PasswordMismatch().Description);
            return View(model);
        }
        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(model.CurrentPassword) : nameof(model.NewPassword), error.Description);
            }

            return View(model);
        }

        // The new security stamp ends the other sessions; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChange, nameof(StaffUser), user.Id);
        TempData[NoticeKey] = t["Your password has been changed. Your other sessions have ended."].Value;
        return LocalRedirect("/account");
    }

    [HttpPost("sign-out-everywhere")]
    [AllowWithoutTwoFactor]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var user = await CurrentAsync();
        await accounts.SignOutEverywhereAsync(user.Id);
        await signIn.SignOutAsync();
        TempData[AccountController.LoginNoticeKey] = t["You have been signed out on every device."].Value;
        return LocalRedirect("/account/login");
    }

    private async Task<StaffUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
