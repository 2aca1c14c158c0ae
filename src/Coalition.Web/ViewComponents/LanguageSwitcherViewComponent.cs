using Coalition.Web.Features.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.ViewComponents;

/// <summary>
/// The language switcher, and the hreflang links in the head. Both come from <see cref="AlternateLinks"/>:
/// the item's translations where they exist, the section page of that language where they do not.
/// </summary>
public sealed class LanguageSwitcherViewComponent(AlternateLinks alternates, Infrastructure.PublicUrls urls) : ViewComponent
{
    public IViewComponentResult Invoke(bool hreflang = false)
    {
        var links = alternates.Resolve(Request.Path, Request.QueryString);
        if (!hreflang)
        {
            return View(new LanguageSwitcherViewModel(SiteCultures.Current, links));
        }

        if (!AlternateLinks.IsPublicPage(Request.Path))
        {
            return Content("");
        }

        var origin = urls.Origin;
        var existing = links.Where(l => l.Exists).ToList();
        var fallback = existing.FirstOrDefault(l => l.Culture == SiteCultures.Default) ?? existing.FirstOrDefault();
        return View("Hreflang", new HreflangViewModel(origin, existing, fallback));
    }
}

public sealed record LanguageSwitcherViewModel(string Current, IReadOnlyList<LanguageLink> Links);

public sealed record HreflangViewModel(string Origin, IReadOnlyList<LanguageLink> Links, LanguageLink? Default);
