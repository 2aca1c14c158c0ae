using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>The fixed pages whose text staff edit: About, Contacts, the EU disclaimer.</summary>
public sealed class PagesController(ContentQueries content, AlternateLinks alternates) : Controller
{
    [HttpGet("/{culture:culture}/{key:regex(^(about|contacts|disclaimer)$)}")]
    public async Task<IActionResult> Show(string culture, string key, int untranslated, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<Page>(culture, key, ct);
        if (found.Item is not { } page)
        {
            return NotFound();
        }

        var translations = await content.PublicTranslationsAsync<Page>(page.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(t => t.Key, t => $"/{t.Key}/{t.Value}"), "");
        return View(new PageViewModel(key, page.Title, page.BodyHtml, untranslated == 1));
    }
}
