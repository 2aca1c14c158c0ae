using Coalition.Data.Entities;
using Coalition.Web.Features.Caching;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.News;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

[Route("{culture:culture}/news")]
public sealed class NewsController(ContentQueries content, AlternateLinks alternates) : Controller
{
    public const int PageSize = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string culture, int page = 1, int untranslated = 0, CancellationToken ct = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        var list = await content.ListPublicAsync<NewsArticle>(culture, page, PageSize, ct);
        if (page > list.PageCount)
        {
            return NotFound();
        }

        return View(new NewsListViewModel(list, untranslated == 1));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string culture, string slug, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<NewsArticle>(culture, slug, ct);
        if (found.RedirectSlug is not null)
        {
            return RedirectPermanent($"/{culture}/news/{found.RedirectSlug}");
        }

        if (found.Item is not { } article)
        {
            return NotFound();
        }

        HttpContext.TagCache(CacheTags.Group(article.TranslationGroupId));
        var translations = await content.PublicTranslationsAsync<NewsArticle>(article.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(t => t.Key, t => $"/{t.Key}/news/{t.Value}"), "news");
        return View(await ContentTypes.For<NewsArticle>().PublicModelAsync(article, HttpContext.RequestServices, ct));
    }
}
