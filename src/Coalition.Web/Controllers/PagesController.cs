using Coalition.Data.Entities;
using Coalition.Web.Features.Caching;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>
/// Pages at the site root: the fixed ones (About, Contacts, the EU disclaimer) and any page staff create. Every other
/// route under <c>/{culture}/</c> is a literal segment, which routing prefers to this one.
/// </summary>
public sealed class PagesController(ContentQueries content, AlternateLinks alternates) : Controller
{
    [HttpGet("/{culture:culture}/{slug:maxlength(200)}")]
    public async Task<IActionResult> Show([FromRoute] string culture, [FromRoute] string slug, [FromQuery] int untranslated, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<Page>(culture, slug, ct);
        if (found.RedirectSlug is not null)
        {
            return RedirectPermanent($"/{culture}/{found.RedirectSlug}");
        }

        if (found.Item is not { } page)
        {
            return NotFound();
        }

        HttpContext.TagCache(CacheTags.Group(page.TranslationGroupId));
        var translations = await content.PublicTranslationsAsync<Page>(page.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(t => t.Key, t => $"/{t.Key}/{t.Value}"), "");
        var model = (PageViewModel)await ContentTypes.For<Page>().PublicModelAsync(page, HttpContext.RequestServices, ct);
        return View(model with { Untranslated = untranslated == 1 });
    }
}
