using Coalition.Data.Entities;
using Coalition.Web.Features.LegalAid;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Infrastructure;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.LegalAid;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Controllers;

/// <summary>
/// The Legal Aid page and the request form. Nothing here is cached anywhere or sends a referrer
/// (<see cref="SecurityHeadersMiddleware"/>); the form works
/// without JavaScript, stores only what <see cref="LegalAidRequests"/> sealed, and keeps no IP address.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(NoStore = true)]
public sealed class LegalAidController(
    LegalAidRequests requests,
    LegalAidFormGuard guard,
    ContentQueries content,
    MarkdownRenderer markdown,
    AlternateLinks alternates,
    IOptions<LegalAidOptions> options,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("/{culture:culture}/legal-aid")]
    public async Task<IActionResult> Index([FromRoute] string culture, CancellationToken ct)
    {
        Alternates("legal-aid");
        var page = (await content.FindPublicAsync<Page>(culture, LegalAidStarterText.PageKey, ct)).Item;
        if (page is not null)
        {
            return View(new LegalAidPageViewModel(page.Title, page.BodyHtml, options.Value.QuickExitUrl));
        }

        var starter = LegalAidStarterText.For(culture);
        return View(new LegalAidPageViewModel(starter.Title, markdown.ToSafeHtml(starter.Markdown), options.Value.QuickExitUrl));
    }

    [HttpGet("/{culture:culture}/legal-aid/request")]
    public async Task<IActionResult> Form([FromRoute] string culture, CancellationToken ct)
    {
        Alternates("legal-aid/request");
        return View("Form", Page(new LegalAidRequestForm { Started = guard.Issue() }, await requests.AvailableAsync(ct)));
    }

    [HttpPost("/{culture:culture}/legal-aid/request")]
    [EnableRateLimiting(RateLimitingExtensions.LegalAidRequestPolicy)]
    public async Task<IActionResult> Send([FromRoute] string culture, [Bind(Prefix = "Form")] LegalAidRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        Alternates("legal-aid/request");
        if (!await requests.AvailableAsync())
        {
            return View("Form", Page(form, available: false));
        }

        var check = guard.Check(form.Started, form.Website);
        if (check == FormCheck.Robot)
        {
            // A robot gets the same answer as a person, so that it learns nothing; nothing is stored.
            return LocalRedirect($"/{culture}/legal-aid/request/sent");
        }

        // Only a value the form does not offer; an empty one already has the Required message.
        if (!string.IsNullOrEmpty(form.Region) && !Regions.All.Contains(form.Region))
        {
            ModelState.AddModelError("Form.Region", t["Choose a region."]);
        }

        if (!string.IsNullOrEmpty(form.Concerns) && !Concerns.All.Contains(form.Concerns))
        {
            ModelState.AddModelError("Form.Concerns", t["Choose whom the request concerns."]);
        }

        if (!ModelState.IsValid || check != FormCheck.Human)
        {
            // The typed text stays in the form (the page is never stored by the browser or a proxy); a new start time.
            string? notice = check switch
            {
                FormCheck.TooFast => t["Please check your request, then send it again."].Value,
                FormCheck.Expired => t["The form was open for a long time. Please check your request, then send it again."].Value,
                _ => null,
            };
            ModelState.Remove("Form.Started");
            form.Started = guard.Issue();
            return View("Form", Page(form, available: true, notice));
        }

        var stored = await requests.SubmitAsync(new LegalAidContent(
            form.Contact.Trim(), form.Region, form.Concerns, form.WhatHappened.Trim(), form.Urgent, form.Consent));
        return stored ? LocalRedirect($"/{culture}/legal-aid/request/sent") : View("Form", Page(form, available: false));
    }

    [HttpGet("/{culture:culture}/legal-aid/request/sent")]
    public IActionResult Sent([FromRoute] string culture)
    {
        Alternates("legal-aid/request/sent");
        return View(new LegalAidSentPage(options.Value.QuickExitUrl));
    }

    private LegalAidRequestPage Page(LegalAidRequestForm form, bool available, string? notice = null) =>
        new(form, available, options.Value.QuickExitUrl, options.Value.ContactPhone, notice);

    private void Alternates(string path) =>
        alternates.ForItem(SiteCultures.All.ToDictionary(c => c, c => $"/{c}/{path}"), "");
}
