using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Events;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Events;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>The public event pages and calendar files.</summary>
public sealed class EventsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Index_UpcomingSoonestFirst_PastOnItsOwnPage()
    {
        var later = await factory.CreateEventAsync(culture: "tg", startsIn: TimeSpan.FromDays(40), title: $"Later {Guid.NewGuid():N}");
        var sooner = await factory.CreateEventAsync(culture: "tg", startsIn: TimeSpan.FromDays(20), title: $"Sooner {Guid.NewGuid():N}");
        var past = await factory.CreateEventAsync(culture: "tg", startsIn: TimeSpan.FromDays(1), title: $"Past {Guid.NewGuid():N}");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var client = factory.CreateBrowser("tg");

        var html = await client.GetStringAsync(new Uri("/tg/events", UriKind.Relative));
        var pastHtml = await client.GetStringAsync(new Uri("/tg/events/past", UriKind.Relative));

        Assert.True(html.IndexOf(sooner.Slug, StringComparison.Ordinal) < html.IndexOf(later.Slug, StringComparison.Ordinal));
        Assert.DoesNotContain(past.Slug, html, StringComparison.Ordinal);
        Assert.Contains(past.Slug, pastHtml, StringComparison.Ordinal);
        Assert.Contains("Хуҷанд", html, StringComparison.Ordinal);
        Assert.Contains("ҷой аз 20 боқӣ мондааст", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ProgrammeVenueTrainersAndForm()
    {
        var (_, slug, _) = await factory.CreateEventAsync();
        using var client = factory.CreateBrowser("en");

        var page = await client.GetDocumentAsync($"/en/events/{slug}");

        Assert.Contains("Room 3, Example Street 1", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trainer One", page.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action$='/register'] input[name='Form.Email']"));
        Assert.NotNull(page.QuerySelector("a[href='/en/events/registration/privacy']"));
        Assert.Null(page.QuerySelector("iframe"));
    }

    [Fact]
    public async Task EventIcs_ParsesBackWithTheDushanbeTimeZone()
    {
        var (_, slug, _) = await factory.CreateEventAsync();
        using var client = factory.CreateBrowser("en");

        using var response = await client.GetAsync(new Uri($"/en/events/{slug}/event.ics", UriKind.Relative));

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Dushanbe", zone.TzId);
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Asia/Dushanbe", e.Start!.TzId);
        var stored = await factory.QueryDbAsync(db => db.Events.SingleAsync(x => x.Slug == slug));
        Assert.Equal(stored.StartUtc, e.Start.AsUtc);
        Assert.Equal(stored.StartUtc.AddHours(5).Hour, e.Start.Value.Hour);
        Assert.Equal($"http://localhost/en/events/{slug}", e.Url!.ToString());
    }

    [Fact]
    public async Task Feed_KeepsCancelledEventsAsCancelled()
    {
        var (_, cancelled, _) = await factory.CreateEventAsync(culture: "ru", cancelled: true);
        var (_, open, _) = await factory.CreateEventAsync(culture: "ru");
        using var client = factory.CreateBrowser("ru");

        var calendar = Calendar.Load(await client.GetStringAsync(new Uri("/ru/events/calendar.ics", UriKind.Relative)))!;

        Assert.Equal("Asia/Dushanbe", Assert.Single(calendar.TimeZones).TzId);
        Assert.Contains(calendar.Events, e => e.Url!.ToString().EndsWith(cancelled, StringComparison.Ordinal) && e.Status == "CANCELLED");
        Assert.Contains(calendar.Events, e => e.Url!.ToString().EndsWith(open, StringComparison.Ordinal) && e.Status == "CONFIRMED");
        Assert.All(calendar.Events, e => Assert.Contains("/ru/events/", e.Url!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoRegistrantData_OnAnyPublicPageOrFeed()
    {
        var (_, slug, _) = await factory.CreateEventAsync(capacity: 1);
        using var client = factory.CreateBrowser("en");
        var email = EventFixtures.NewEmail();
        (await client.RegisterAsync("en", slug, email, "Secret Registrant")).Dispose();
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail(), "Secret Waiting")).Dispose();

        foreach (var path in new[] { "/en/events", "/en/events/past", $"/en/events/{slug}", $"/en/events/{slug}/event.ics", "/en/events/calendar.ics", "/en", "/en/events/registration/privacy", "/sitemap.xml", "/en/feed.atom" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Secret", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Register_OverTheRateLimit_429WithRetryAfter()
    {
        await using var limited = new LimitedFactory();
        var (_, slug, _) = await limited.CreateEventAsync();
        using var client = limited.CreateBrowser("en");
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();

        using var response = await client.RegisterAsync("en", slug, EventFixtures.NewEmail());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    private sealed class LimitedFactory() : CoalitionAppFactory(new Dictionary<string, string?> { ["RateLimits:EventRegistrationPermitLimit"] = "2" });
}
