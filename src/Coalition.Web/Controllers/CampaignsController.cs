using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Controllers;

[Route("{culture:culture}/campaigns")]
public sealed class CampaignsController(
    ContentQueries content,
    CampaignPages pages,
    SupportMessages messages,
    AlternateLinks alternates,
    IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string culture, int untranslated = 0, CancellationToken ct = default) =>
        View(new CampaignListViewModel(await pages.ArchiveAsync(culture, ct), untranslated == 1));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string culture, string slug, int sent = 0, CancellationToken ct = default)
    {
        var found = await content.FindPublicAsync<Campaign>(culture, slug, ct);
        if (found.RedirectSlug is not null)
        {
            return RedirectPermanent($"/{culture}/campaigns/{found.RedirectSlug}");
        }

        if (found.Item is not { } campaign)
        {
            return NotFound();
        }

        await AlternatesAsync(campaign, ct);
        var model = await pages.PageAsync(campaign, form: null, ct);
        return View(model with { Sent = sent == 1 });
    }

    /// <summary>
    /// A message of support. Refusals come back with the visitor's text in the form; an accepted message (or a bot's,
    /// silently dropped) leads to the thank-you note.
    /// </summary>
    [HttpPost("{slug}/messages")]
    public async Task<IActionResult> Message(string culture, string slug, [FromForm] SupportMessageForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var found = await content.FindPublicAsync<Campaign>(culture, slug, ct);
        if (found.Item is not { } campaign)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(campaign, form, StatusCodes.Status400BadRequest, null, ct);
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (outcome, retryAfter) = await messages.SubmitAsync(campaign, form, client);
        switch (outcome)
        {
            case MessageOutcome.Accepted:
            case MessageOutcome.Discarded:
                return Redirect($"/{culture}/campaigns/{campaign.Slug}?sent=1#message-form");
            case MessageOutcome.TooMany:
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return await RefusedAsync(campaign, form, StatusCodes.Status429TooManyRequests,
                    text["You have sent several messages in a short time. Please wait a few minutes, then send this one again: your text is kept below."], ct);
            case MessageOutcome.TooFast:
                return await RefusedAsync(campaign, form, StatusCodes.Status400BadRequest,
                    text["That was very quick. Please read your message once more, then send it again."], ct);
            case MessageOutcome.Expired:
                return await RefusedAsync(campaign, form, StatusCodes.Status400BadRequest,
                    text["The form was open for too long. Please send your message again."], ct);
            default:
                ModelState.AddModelError(nameof(SupportMessageForm.Text), text[outcome switch
                {
                    MessageOutcome.Empty => "Write your message before sending it.",
                    MessageOutcome.TooLong => "Your message can be at most 1,000 characters. Please shorten it.",
                    _ => "A message cannot be only links. Please write a few words.",
                }]);
                return await RefusedAsync(campaign, form, StatusCodes.Status400BadRequest, null, ct);
        }
    }

    private async Task<IActionResult> RefusedAsync(Campaign campaign, SupportMessageForm form, int status, string? problem, CancellationToken ct)
    {
        await AlternatesAsync(campaign, ct);
        var model = await pages.PageAsync(campaign, form, ct);
        // The new time token must reach the page: the posted one is stale.
        ModelState.Remove(nameof(SupportMessageForm.Started));
        ModelState.Remove(nameof(SupportMessageForm.Website));
        Response.StatusCode = status;
        return View("Show", model with { FormProblem = problem });
    }

    private async Task AlternatesAsync(Campaign campaign, CancellationToken ct)
    {
        var translations = await content.PublicTranslationsAsync<Campaign>(campaign.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(t => t.Key, t => $"/{t.Key}/campaigns/{t.Value}"), "campaigns");
    }
}
