using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(ContentAdminQueries queries, IEnumerable<IDashboardPanel> panels) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var data = await queries.DashboardAsync(UserId, 10, ct);
        var built = new List<DashboardPanel>();
        foreach (var panel in panels)
        {
            if (await panel.BuildAsync(User, ct) is { } p)
            {
                built.Add(p);
            }
        }

        return View(data with { Panels = built.OrderBy(p => p.Order).ToList() });
    }
}
