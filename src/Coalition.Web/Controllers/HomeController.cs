using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Home;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

public sealed class HomeController(ContentQueries content) : Controller
{
    public const int LatestCount = 5;

    /// <summary>"/" picks a language: the remembered choice, then the browser's, then Russian.</summary>
    [HttpGet("/")]
    public IActionResult Root()
    {
        var code = LanguageNegotiator.Choose(Request.Cookies[SiteCultures.CookieName], Request.Headers.AcceptLanguage);
        Response.Headers.Vary = "Accept-Language, Cookie";
        return Redirect($"/{code}/");
    }

    [HttpGet("/{culture:culture}")]
    public async Task<IActionResult> Index(string culture, int untranslated, CancellationToken ct)
    {
        var latest = await content.LatestPublicAsync<NewsArticle>(culture, LatestCount, ct);
        return View(new HomeViewModel(latest, untranslated == 1));
    }

    /// <summary>The language switcher: remembers the choice for a year, then goes back to the page (local URLs only).</summary>
    [HttpGet("/language/{code:culture}")]
    public IActionResult Language(string code, string? returnUrl)
    {
        Response.Cookies.Append(SiteCultures.CookieName, code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/{code}/");
    }
}
