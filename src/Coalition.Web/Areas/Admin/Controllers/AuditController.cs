using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

/// <summary>The audit log, read-only, for Administrators. There is deliberately no edit or delete action.</summary>
[Coalition.Web.Areas.Admin.ViewComponents.AdminMenu("Audit log", 310)]
[Route("admin/audit")]
[Authorize(Policy = Policies.Administrator)]
public sealed class AuditController(AuditLog audit) : AdminControllerBase
{
    public const int PageSize = 50;

    // [FromQuery] on every filter: without it "action" binds the route value (the action name, "Index") and the filter is ignored.
    [HttpGet("")]
    public async Task<IActionResult> Index(
        [FromQuery] string? user,
        [FromQuery] string? action,
        [FromQuery] string? type,
        [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to,
        [FromQuery] int page = 1,
        CancellationToken ct = default)
    {
        var filter = new AuditFilter(
            user,
            AuditActions.All.Contains(action) ? action : null,
            string.IsNullOrWhiteSpace(type) ? null : type,
            from is { } f ? DushanbeTime.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null,
            to is { } t ? DushanbeTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);
        var result = await audit.SearchAsync(filter, page, PageSize, ct);
        return View(new AuditViewModel(result, user, filter.Action, filter.EntityType, from, to, await audit.EntityTypesAsync(ct)));
    }
}
