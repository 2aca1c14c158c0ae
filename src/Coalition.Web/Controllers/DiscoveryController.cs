using Coalition.Web.Features.Discovery;
using Coalition.Web.Features.Feeds;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>What search engines and feed readers fetch: robots.txt, the sitemaps, the Atom feeds.</summary>
public sealed class DiscoveryController(Sitemaps sitemaps, ContentFeeds feeds) : Controller
{
    [HttpGet("/robots.txt")]
    public IActionResult Robots() => Content(sitemaps.Robots(), "text/plain; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> SitemapIndex(CancellationToken ct) => File(await sitemaps.IndexAsync(ct), Sitemaps.ContentType);

    [HttpGet("/{culture:culture}/sitemap.xml")]
    public async Task<IActionResult> Sitemap([FromRoute] string culture, CancellationToken ct) =>
        File(await sitemaps.ForCultureAsync(culture, ct), Sitemaps.ContentType);

    /// <summary>Everything new on the site, in one language.</summary>
    [HttpGet("/{culture:culture}/feed.atom")]
    public async Task<IActionResult> SiteFeed([FromRoute] string culture, CancellationToken ct) =>
        File(await feeds.SiteFeedAsync(culture, ct), AtomFeed.ContentType);

    /// <summary>
    /// The feed of one type (news). Order -1: tried before <c>/{culture}/news/{slug}</c>, whose literal segment would
    /// otherwise win; the constraint lets only types with a feed of their own through.
    /// </summary>
    [HttpGet("/{culture:culture}/{section:" + FeedSectionConstraint.Name + "}/feed.atom", Order = -1)]
    public async Task<IActionResult> TypeFeed([FromRoute] string culture, [FromRoute] string section, CancellationToken ct) =>
        FeedSectionConstraint.TypeOf(section) is { } type ? File(await feeds.TypeFeedAsync(type, culture, ct), AtomFeed.ContentType) : NotFound();
}
