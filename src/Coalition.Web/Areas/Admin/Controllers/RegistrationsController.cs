using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Events;
using Coalition.Web.Features.Localization;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>
/// Event registrations, for staff holding the ViewRegistrations permission: the lists, attendance, moving people
/// between lists, capacity, a message to everyone confirmed, and the CSV. Every view and download is audited.
/// </summary>
[Coalition.Web.Areas.Admin.ViewComponents.AdminMenu("Registrations", 40)]
[Route("admin/registrations")]
[Authorize(Policy = Policies.ViewRegistrations)]
public sealed class RegistrationsController(RegistrationAdmin admin, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new RegistrationOverviewViewModel(await admin.OverviewAsync(SiteCultures.Current, ct)));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details([FromRoute] int id, CancellationToken ct) =>
        await admin.ListAsync(id, ct) is { } list ? NoStore(View(new RegistrationListViewModel(list, new MessageForm()))) : NotFound();

    [HttpGet("{id:int}/export.csv")]
    public async Task<IActionResult> Export([FromRoute] int id, CancellationToken ct)
    {
        if (await admin.ExportAsync(id, t, ct) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    [HttpPost("{id:int}/{registrationId:int}/move")]
    public async Task<IActionResult> Move([FromRoute] int id, [FromRoute] int registrationId, RegistrationStatus to, CancellationToken ct)
    {
        if (!Enum.IsDefined(to) || !await admin.MoveAsync(id, registrationId, to, ct))
        {
            return NotFound();
        }

        Notice(to switch
        {
            RegistrationStatus.Confirmed => t["Moved to the confirmed list; the person was told by e-mail."],
            RegistrationStatus.Waiting => t["Moved to the end of the waiting list."],
            _ => t["Registration cancelled; the person was told by e-mail."],
        });
        return Back(id);
    }

    [HttpPost("{id:int}/{registrationId:int}/attendance")]
    public async Task<IActionResult> Attendance([FromRoute] int id, [FromRoute] int registrationId, bool attended, CancellationToken ct)
    {
        if (!await admin.SetAttendedAsync(id, registrationId, attended, ct))
        {
            return NotFound();
        }

        Notice(t["Attendance saved."]);
        return Back(id);
    }

    [HttpPost("{id:int}/capacity")]
    public async Task<IActionResult> Capacity([FromRoute] int id, int capacity, CancellationToken ct)
    {
        if (capacity is < 1 or > 10_000)
        {
            Notice(t["Between {0} and {1} places.", 1, 10_000]);
            return Back(id);
        }

        if (await admin.SetCapacityAsync(id, capacity, ct) is not { } promoted)
        {
            return NotFound();
        }

        Notice(t["Capacity set to {0}. {1} people moved from the waiting list to confirmed and were told by e-mail.", capacity, promoted]);
        return Back(id);
    }

    [HttpPost("{id:int}/message")]
    public async Task<IActionResult> Message([FromRoute] int id, [Bind(Prefix = "Message")] MessageForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            if (await admin.ListAsync(id, ct) is not { } list)
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return NoStore(View("Details", new RegistrationListViewModel(list, form)));
        }

        if (await admin.WriteToConfirmedAsync(id, form.Subject!, form.Body!, ct) is not { } count)
        {
            return NotFound();
        }

        Notice(t["The message is being sent to {0} confirmed participants, one e-mail each.", count]);
        return Back(id);
    }

    private RedirectResult Back(int id) => Redirect($"/admin/registrations/{id}");

    private ViewResult NoStore(ViewResult view)
    {
        Response.Headers.CacheControl = "no-store";
        return view;
    }
}
