using Coalition.Data.Entities;
using Coalition.Web.Areas.Admin.ViewModels;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(ContentAdminQueries queries) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var recent = await queries.ListAsync<NewsArticle>(null, 1, 100, ct);
        var drafts = recent.Items.Where(r => r.Status == PublicationStatus.Draft).Take(10).ToList();
        var published = recent.Items.Where(r => r.Status == PublicationStatus.Published)
            .OrderByDescending(r => r.PublishedUtc).Take(10).ToList();
        var outdated = recent.Items.Where(r => r.Translations.Any(tr => tr.Id == r.Id && tr.Outdated)).Take(10).ToList();
        return View(new DashboardViewModel(drafts, published, outdated));
    }
}
