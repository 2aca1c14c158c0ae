using System.Text;
using Coalition.Data.Entities;
using Coalition.Web.Features.Events;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Infrastructure;
using Coalition.Web.Options;
using Coalition.Web.Resources;
using Coalition.Web.ViewModels.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Controllers;

/// <summary>Trainings and events: lists, an event's page with its registration form, calendar files, and the private cancel link.</summary>
[Route("{culture:culture}/events")]
public sealed class EventsController(
    EventQueries events,
    EventRegistrations registrations,
    ContentQueries content,
    AlternateLinks alternates,
    IStringLocalizer<SharedResource> t,
    Coalition.Web.Infrastructure.PublicUrls urls,
    IOptions<EventOptions> eventOptions,
    TimeProvider clock) : Controller
{
    public const int PastPageSize = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index(string culture, CancellationToken ct) =>
        View(new EventListViewModel(await events.UpcomingAsync(culture, ct), await events.HasPastAsync(culture, ct)));

    [HttpGet("past")]
    public async Task<IActionResult> Past(string culture, int page = 1, CancellationToken ct = default)
    {
        if (page < 1)
        {
            return NotFound();
        }

        var list = await events.PastAsync(culture, page, PastPageSize, ct);
        return page > list.PageCount ? NotFound() : View(new PastEventsViewModel(list));
    }

    /// <summary>The language's subscribable feed: upcoming and recent events, cancelled ones marked so.</summary>
    [HttpGet("calendar.ics")]
    public async Task<IActionResult> Feed(string culture, CancellationToken ct)
    {
        var ics = EventCalendar.Write(await events.ForFeedAsync(culture, ct), BaseUrl(), t["Events of the Coalition against Torture and Impunity in Tajikistan"], t, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), EventCalendar.ContentType, $"events-{culture}.ics");
    }

    [HttpGet("registration/privacy")]
    public IActionResult Privacy() => View(eventOptions.Value.RegistrantRetentionDays);

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string culture, string slug, CancellationToken ct)
    {
        var found = await content.FindPublicAsync<Event>(culture, slug, ct);
        if (found.RedirectSlug is not null)
        {
            return RedirectPermanent($"/{culture}/events/{found.RedirectSlug}");
        }

        if (found.Item is not { } item)
        {
            return NotFound();
        }

        await AlternatesAsync(item, ct);
        return View(await ContentTypes.For<Event>().PublicModelAsync(item, HttpContext.RequestServices, ct));
    }

    [HttpGet("{slug}/event.ics")]
    public async Task<IActionResult> Calendar(string culture, string slug, CancellationToken ct)
    {
        if ((await content.FindPublicAsync<Event>(culture, slug, ct)).Item is not { } item)
        {
            return NotFound();
        }

        var ics = EventCalendar.Write([item], BaseUrl(), item.Title, t, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), EventCalendar.ContentType, $"{item.Slug}.ics");
    }

    [HttpPost("{slug}/register")]
    [EnableRateLimiting(RateLimitingExtensions.EventRegistrationPolicy)]
    public async Task<IActionResult> Register(string culture, [FromRoute] string slug, [Bind(Prefix = "Form")] RegistrationForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if ((await content.FindPublicAsync<Event>(culture, slug, ct)).Item is not { } item)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (outcome, number) = await registrations.RegisterAsync(item, form, culture, ct);
            if (outcome is RegistrationOutcome.Registered or RegistrationOutcome.Waiting)
            {
                return View("Registered", new RegistrationDoneViewModel(item.Title, $"/{culture}/events/{item.Slug}", outcome, number));
            }

            ModelState.AddModelError(string.Empty, outcome == RegistrationOutcome.EventCancelled
                ? t["This event has been cancelled: registration is not possible."]
                : t["Registration for this event has closed."]);
        }

        // Refused: the page again, with the messages and what the visitor typed.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await AlternatesAsync(item, ct);
        var page = (EventPageViewModel)await ContentTypes.For<Event>().PublicModelAsync(item, HttpContext.RequestServices, ct);
        return View("Show", page with { Form = form, Problem = t["Your registration was not sent. Please check the form."] });
    }

    [HttpGet("registration/cancel")]
    public async Task<IActionResult> Cancel(string culture, string? token, CancellationToken ct)
    {
        var found = await registrations.FindByTokenAsync(token, culture, ct);
        return CancelPage(found switch
        {
            null => new CancelViewModel(null, null, CancelState.Invalid),
            { Registration.Status: RegistrationStatus.Cancelled } f => new CancelViewModel(null, f.Event?.Title, CancelState.AlreadyCancelled),
            { } f => new CancelViewModel(token, f.Event?.Title, CancelState.Confirm),
        });
    }

    [HttpPost("registration/cancel")]
    [EnableRateLimiting(RateLimitingExtensions.EventRegistrationPolicy)]
    [ActionName("Cancel")]
    public async Task<IActionResult> CancelConfirmed(string culture, [FromForm] string? token, CancellationToken ct)
    {
        var found = await registrations.FindByTokenAsync(token, culture, ct);
        var state = await registrations.CancelByTokenAsync(token, ct);
        return CancelPage(new CancelViewModel(null, found?.Event?.Title, state));
    }

    private ViewResult CancelPage(CancelViewModel model)
    {
        if (model.State is CancelState.Invalid or CancelState.AlreadyCancelled)
        {
            Response.StatusCode = model.State == CancelState.Invalid ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        }

        // The token is in the address: no referrer to other sites, and never stored by a cache.
        Response.Headers.CacheControl = "no-store";
        return View("Cancel", model);
    }

    private async Task AlternatesAsync(Event item, CancellationToken ct)
    {
        var translations = await content.PublicTranslationsAsync<Event>(item.TranslationGroupId, ct);
        alternates.ForItem(translations.ToDictionary(x => x.Key, x => $"/{x.Key}/events/{x.Value}"), "events");
    }

    /// <summary>The configured public address (never the Host header), for links inside calendar files.</summary>
    private Uri BaseUrl()
    {
        return new Uri(urls.Origin + "/");
    }
}
