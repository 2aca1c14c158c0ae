using Coalition.Web.Features.Localization;
using Coalition.Web.ViewModels.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>Friendly error pages in the visitor's language; never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorController(AlternateLinks alternates) : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show(int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : 500;
        Response.StatusCode = status;

        // The language switcher on an error page leads to each language's home page, never back to the error.
        alternates.ForItem(SiteCultures.All.ToDictionary(c => c, c => $"/{c}/"), "");
        return View("Error", new ErrorViewModel(status));
    }
}
