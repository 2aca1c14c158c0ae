using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Coalition.Web.ViewComponents;

/// <summary>
/// The campaign whose window is open now: a slim banner on every public page, or the lead block of the home page
/// (<c>lead: true</c>). Nothing at all outside a window. Read per request from the clock, so it starts and stops on time.
/// </summary>
public sealed class ActiveCampaignViewComponent(CampaignPages pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool lead = false)
    {
        if (HttpContext.Response.StatusCode >= 500)
        {
            return Content(""); // the error page must not depend on the database it may be reporting
        }

        var culture = SiteCultures.Current;
        var active = await pages.ActiveAsync(culture, lead, HttpContext.RequestAborted);
        return active is null ? Content("") : View(lead ? "Lead" : "Default", active);
    }
}
