using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(ContentAdminQueries queries) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await queries.DashboardAsync(UserId, 10, ct));
}
