using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts, for Administrators: invite, change role, disable, sign out everywhere, unlock, reset two-factor sign-in.</summary>
[Coalition.Web.Areas.Admin.ViewComponents.AdminMenu("Staff accounts", 300)]
[Route("admin/accounts")]
[Authorize(Policy = Policies.Administrator)]
public sealed class AccountsController(
    StaffAccounts accounts,
    Invitations invitations,
    TwoFactorEnrolment twoFactor,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new AccountListViewModel(await accounts.ListAsync(ct)));

    [HttpGet("invite")]
    public IActionResult Invite() => View(new InviteViewModel { Language = SiteCultures.Current });

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var (outcome, id) = await invitations.InviteAsync(model.Email, model.DisplayName, model.Role, model.Language);
        switch (outcome)
        {
            case InviteOutcome.AlreadyExists:
                ModelState.AddModelError(nameof(model.Email), t["The address {0} already has an account.", model.Email]);
                return View(model);
            case InviteOutcome.CreatedButNotSent:
                Notice(t["The account was created, but the e-mail could not be sent. Check the mail settings, then use “Send the invitation again”."]);
                return LocalRedirect($"/admin/accounts/{id}");
            default:
                Notice(t["Invitation sent to {0}.", model.Email]);
                return LocalRedirect("/admin/accounts");
        }
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, CancellationToken ct) =>
        await accounts.GetAsync(id, ct) is { } account
            ? View(new AccountDetailsViewModel(account, account.Id == UserId))
            : NotFound();

    [HttpPost("{id}/role")]
    public async Task<IActionResult> Role(string id, string role) => Done(id, await accounts.ChangeRoleAsync(id, role, UserId), t["Role changed."]);

    [HttpPost("{id}/view-registrations")]
    public async Task<IActionResult> ViewRegistrations([FromRoute] string id, bool granted) =>
        Done(id, await accounts.SetPermissionAsync(id, Roles.ViewRegistrations, granted),
            granted ? t["The permission to see event registrations was granted."] : t["The permission to see event registrations was revoked."]);

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id) => Done(id, await accounts.DisableAsync(id, UserId), t["Account disabled. Its sessions have ended."]);

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id) => Done(id, await accounts.EnableAsync(id), t["Account enabled."]);

    [HttpPost("{id}/sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere(string id) =>
        Done(id, await accounts.SignOutEverywhereAsync(id), t["All sessions of this account have ended."]);

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id) => Done(id, await accounts.UnlockAsync(id), t["Account unlocked."]);

    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id)
    {
        if (await accounts.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        await twoFactor.ResetAsync(user, AuditActions.TwoFactorReset);
        Notice(t["Two-step sign-in was reset. The person sets up an authenticator app again at the next sign-in."]);
        return LocalRedirect($"/admin/accounts/{id}");
    }

    [HttpPost("{id}/resend-invitation")]
    public async Task<IActionResult> ResendInvitation(string id, string? language)
    {
        var sent = await invitations.ResendAsync(id, SiteCultures.IsSupported(language) ? language! : SiteCultures.Current);
        if (sent is null)
        {
            return NotFound();
        }

        Notice(sent.Value
            ? t["A new invitation was sent. Earlier links no longer work."]
            : t["The e-mail could not be sent. Check the mail settings and try again."]);
        return LocalRedirect($"/admin/accounts/{id}");
    }

    private IActionResult Done(string id, AccountChange change, string message)
    {
        switch (change)
        {
            case AccountChange.NotFound:
                return NotFound();
            case AccountChange.NotOnYourself:
                Notice(t["You cannot do this to your own account."]);
                break;
            case AccountChange.LastAdministrator:
                Notice(t["This is the last active Administrator: make someone else an Administrator first."]);
                break;
            default:
                Notice(message);
                break;
        }

        return LocalRedirect($"/admin/accounts/{id}");
    }
}
