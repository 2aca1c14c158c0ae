using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.LegalAid;
using Coalition.Web.Infrastructure;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// The Legal Aid inbox, for holders of the Legal Aid permission only. Its contents also need the Group's passphrase:
/// without it (an Administrator, a copied database) there is nothing to read.
/// </summary>
[Route("admin/legal-aid")]
[Coalition.Web.Areas.Admin.ViewComponents.AdminMenu("Legal Aid inbox", 400)]
[Authorize(Policy = Policies.LegalAid)]
public sealed class LegalAidInboxController(
    LegalAidKeys keys,
    LegalAidInbox inbox,
    LegalAidUnlock unlock,
    IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool closed, CancellationToken ct)
    {
        if (await keys.CurrentAsync(ct) is null)
        {
            return View("Setup", new LegalAidSetupViewModel());
        }

        if (unlock.Current is not { } ring)
        {
            return View("Unlock", new LegalAidUnlockViewModel());
        }

        return View(new LegalAidInboxViewModel(await inbox.ListAsync(ring, closed, ct), closed, unlock.ExpiresUtc));
    }

    [HttpPost("setup")]
    public async Task<IActionResult> Setup(LegalAidSetupViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View("Setup", model);
        }

        Notice(await keys.CreateAsync(model.Passphrase)
            ? t["The key is set up. The request form now takes requests. Give the passphrase to the members of the Group in person, never by e-mail."]
            : t["A key exists already. Use “Change the passphrase and key” instead."]);
        return LocalRedirect("/admin/legal-aid");
    }

    [HttpPost("unlock")]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> Unlock(LegalAidUnlockViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View("Unlock", model);
        }

        if (await keys.UnlockAsync(model.Passphrase) is not { } ring)
        {
            ModelState.AddModelError(nameof(model.Passphrase), t["The passphrase is not correct."]);
            return View("Unlock", new LegalAidUnlockViewModel());
        }

        unlock.Remember(ring);
        return LocalRedirect("/admin/legal-aid");
    }

    [HttpPost("lock")]
    public IActionResult Lock()
    {
        unlock.Forget();
        Notice(t["The inbox is locked."]);
        return LocalRedirect("/admin/legal-aid");
    }

    [HttpGet("key")]
    public async Task<IActionResult> Key(CancellationToken ct) =>
        await keys.CurrentAsync(ct) is null ? LocalRedirect("/admin/legal-aid") : View(await KeyPageAsync(ct));

    [HttpPost("key/rotate")]
    [EnableRateLimiting(RateLimitingExtensions.SignInPolicy)]
    public async Task<IActionResult> Rotate(LegalAidRotateViewModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ModelState.IsValid)
        {
            switch (await keys.RotateAsync(model.CurrentPassphrase, model.NewPassphrase))
            {
                case KeyRotation.Rotated:
                    Notice(t["The passphrase and key were changed. Everyone unlocks the inbox with the new passphrase; earlier requests stay readable."]);
                    return LocalRedirect("/admin/legal-aid");
                case KeyRotation.NotSetUp:
                    return LocalRedirect("/admin/legal-aid");
                default:
                    ModelState.AddModelError(nameof(model.CurrentPassphrase), t["The passphrase is not correct."]);
                    break;
            }
        }

        return View("Key", await KeyPageAsync(ct));
    }

    [HttpPost("key/reset")]
    public async Task<IActionResult> Reset(bool confirm)
    {
        if (!confirm)
        {
            Notice(t["Tick the box to confirm that every request will be deleted."]);
            return LocalRedirect("/admin/legal-aid/key");
        }

        await keys.ResetAsync();
        Notice(t["Every request and the key were deleted. Set up a new key."]);
        return LocalRedirect("/admin/legal-aid");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show([FromRoute] Guid id, CancellationToken ct)
    {
        if (unlock.Current is not { } ring)
        {
            return Locked();
        }

        return await inbox.OpenAsync(ring, id, ct) is { } request
            ? View(new LegalAidRequestViewModel(request, new LegalAidNoteViewModel(), UserId))
            : NotFound();
    }

    [HttpPost("{id:guid}/status")]
    public async Task<IActionResult> Status([FromRoute] Guid id, LegalAidStatus status)
    {
        if (unlock.Current is null)
        {
            return Locked();
        }

        return await inbox.SetStatusAsync(id, status) ? Done(id, t["The status was changed."]) : NotFound();
    }

    [HttpPost("{id:guid}/assign")]
    public async Task<IActionResult> Assign([FromRoute] Guid id, string? assignee)
    {
        if (unlock.Current is null)
        {
            return Locked();
        }

        return await inbox.AssignAsync(id, string.IsNullOrEmpty(assignee) ? null : assignee)
            ? Done(id, t["The request was assigned."])
            : NotFound();
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> Note([FromRoute] Guid id, [Bind(Prefix = "Note")] LegalAidNoteViewModel note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (unlock.Current is not { } ring)
        {
            return Locked();
        }

        if (!ModelState.IsValid)
        {
            // The typed note stays in the form: the page is no-store like the rest of the admin area.
            return await inbox.OpenAsync(ring, id, ct) is { } request
                ? View("Show", new LegalAidRequestViewModel(request, note, UserId))
                : NotFound();
        }

        return await inbox.AddNoteAsync(id, note.Text.Trim(), UserId) ? Done(id, t["The note was added."]) : NotFound();
    }

    private IActionResult Locked()
    {
        Notice(t["The inbox is locked. Enter the passphrase to read requests."]);
        return LocalRedirect("/admin/legal-aid");
    }

    private IActionResult Done(Guid id, string message)
    {
        Notice(message);
        return LocalRedirect($"/admin/legal-aid/{id}");
    }

    private async Task<LegalAidKeyViewModel> KeyPageAsync(CancellationToken ct) => new((await keys.CurrentAsync(ct))?.CreatedUtc);
}
