using Coalition.Web.Features.Localization;
using Coalition.Web.ViewModels.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.Controllers;

/// <summary>
/// Friendly error pages in the visitor's language; never a stack trace. The status comes from the route (or the
/// exception handler) only: this action never reads the request's form, so a broken or oversized body that caused
/// the error cannot turn its 400 or 413 into a 500.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorController(AlternateLinks alternates) : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show([FromRoute] int? code)
    {
        // Re-executed by the status-code pages, the route values are still the failed request's: its status is in the feature.
        var status = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? StatusCodes.Status500InternalServerError
            : HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { OriginalStatusCode: >= 400 and < 600 } reExecuted ? reExecuted.OriginalStatusCode
            : code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound;
        Response.StatusCode = status;

        // The language switcher on an error page leads to each language's home page, never back to the error.
        alternates.ForItem(SiteCultures.All.ToDictionary(c => c, c => $"/{c}/"), "");
        return View("Error", new ErrorViewModel(status));
    }
}
