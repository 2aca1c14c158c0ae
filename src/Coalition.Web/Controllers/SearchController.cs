using Coalition.Web.Features.Search;
using Coalition.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Coalition.Web.Controllers;

/// <summary>The site search: a GET form, so it works without JavaScript and results can be linked to.</summary>
public sealed class SearchController(SiteSearch search) : Controller
{
    [HttpGet("/{culture:culture}/search")]
    [EnableRateLimiting(RateLimitingExtensions.SearchPolicy)]
    public IActionResult Index([FromRoute] string culture, [FromQuery] string? q, [FromQuery] string? type, [FromQuery] int page = 1) =>
        View(search.Search(culture, q, type, page));
}
