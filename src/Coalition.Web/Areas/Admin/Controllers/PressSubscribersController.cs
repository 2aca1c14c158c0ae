using Coalition.Web.Areas.Admin.ViewComponents;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Press;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The press-alert subscribers: personal data, for <see cref="Policies.ManageSubscribers"/> only; never cached.</summary>
[AdminMenu("Press subscribers", 50)]
[Route("admin/press-subscribers")]
[Authorize(Policy = Policies.ManageSubscribers)]
public sealed class PressSubscribersController(PressSubscriptions subscriptions, IStringLocalizer<SharedResource> t) : AdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? culture, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        Response.Headers.CacheControl = "no-store";
        return View(new PressSubscribersViewModel(await subscriptions.ListAsync(culture, page, PageSize, ct), culture));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete([FromRoute] int id, CancellationToken ct)
    {
        if (!await subscriptions.DeleteAsync(id, ct))
        {
            return NotFound();
        }

        Notice(t["Subscription deleted."]);
        return Redirect("/admin/press-subscribers");
    }
}
