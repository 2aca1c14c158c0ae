using System.Net;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>Registration through the public form: capacity, waiting list, repeats, closing time, cancel links and their mails.</summary>
public sealed partial class EventRegistrationTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Register_WithPlacesLeft_ConfirmsAndMailsInTheirLanguageWithCancelLink()
    {
        var (_, slug, _) = await factory.CreateEventAsync(culture: "ru", capacity: 5);
        using var client = factory.CreateBrowser("ru");
        var email = EventFixtures.NewEmail();

        using var response = await client.RegisterAsync("ru", slug, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Вы зарегистрированы", page, StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.Ordinal);
        var mail = await factory.WaitForMailAsync(email);
        Assert.StartsWith("Вы зарегистрированы", mail.Subject, StringComparison.Ordinal);
        Assert.Matches(CancelLink(), mail.TextBody);
        var stored = await factory.QueryDbAsync(db => db.EventRegistrations.SingleAsync(r => r.Email == email));
        Assert.Equal(RegistrationStatus.Confirmed, stored.Status);
        Assert.NotNull(stored.CancelTokenHash);
        Assert.DoesNotContain(CancelLink().Match(mail.TextBody!).Groups[1].Value, stored.CancelTokenHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WhenFull_GoesOnWaitingListWithItsNumber()
    {
        var (_, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var client = factory.CreateBrowser("en");
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        var third = EventFixtures.NewEmail();

        using var response = await client.RegisterAsync("en", slug, third);

        Assert.Contains("number 2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await factory.WaitForMailAsync(third);
        Assert.Contains("waiting list, number 2", mail.TextBody, StringComparison.Ordinal);
        var statuses = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).Select(r => r.Status).ToListAsync());
        Assert.Equal(1, statuses.Count(s => s == RegistrationStatus.Confirmed));
        Assert.Equal(2, statuses.Count(s => s == RegistrationStatus.Waiting));
        var eventPage = await client.GetStringAsync(new Uri($"/en/events/{slug}", UriKind.Relative));
        Assert.Contains("Join the waiting list", eventPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SameAddressTwice_OneRegistrationAndTheMailSaysSo()
    {
        var (_, slug, group) = await factory.CreateEventAsync(capacity: 3);
        using var client = factory.CreateBrowser("en");
        var email = EventFixtures.NewEmail();
        (await client.RegisterAsync("en", slug, email)).Dispose();
        await factory.WaitForMailAsync(email);
        factory.ClearMail();

        using var again = await client.RegisterAsync("en", slug, email.ToUpperInvariant(), "Someone Else");

        // The page is what a new registration gets: a stranger learns nothing about the address.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You are registered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mail = await factory.WaitForMailAsync(email);
        Assert.StartsWith("You were already registered", mail.Subject, StringComparison.Ordinal);
        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("Test Person", row.Name);
    }

    [Fact]
    public async Task Cancel_ByLink_PromotesTheFirstWaitingAndTellsThem_ThenTheLinkIsUsed()
    {
        var (_, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var client = factory.CreateBrowser("en");
        var (first, second, third) = (EventFixtures.NewEmail(), EventFixtures.NewEmail(), EventFixtures.NewEmail());
        foreach (var email in new[] { first, second, third })
        {
            (await client.RegisterAsync("en", slug, email)).Dispose();
        }

        var link = new Uri(CancelLink().Match((await factory.WaitForMailAsync(first)).TextBody!).Value);
        var confirmPage = await client.GetDocumentAsync(link.PathAndQuery);
        Assert.NotNull(confirmPage.QuerySelector("form[action='/en/events/registration/cancel'] button"));
        using var cancelled = await client.SubmitFormAsync(confirmPage, "/en/events/registration/cancel");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("Your registration is cancelled", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var promoted = await factory.WaitForSubjectAsync(second, "A place is free for you");
        Assert.Contains("now registered", promoted.TextBody, StringComparison.Ordinal);
        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => r.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed, RegistrationStatus.Waiting], rows);

        using var reused = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Contains("already cancelled", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ForgedLink_SaysTheLinkIsNotValid()
    {
        var (_, open, _) = await factory.CreateEventAsync(culture: "tg");
        using var client = factory.CreateBrowser("tg");

        using var response = await client.GetAsync(new Uri("/tg/events/registration/cancel?token=forged-token", UriKind.Relative));
        using var posted = await client.PostFormAsync($"/tg/events/{open}", "/tg/events/registration/cancel", new() { ["token"] = "forged" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Ин пайванди бекоркунӣ эътибор надорад", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task Register_AfterRegistrationCloses_RefusedWithMessageAndTypedValuesKept()
    {
        // Short spans: moving the fake clock by weeks runs every periodic timer of the app thousands of times.
        var (_, slug, group) = await factory.CreateEventAsync(startsIn: TimeSpan.FromDays(3), closesIn: TimeSpan.FromDays(2));
        using var client = factory.CreateBrowser("en");
        var token = await client.GetAntiforgeryTokenAsync($"/en/events/{slug}");
        factory.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var fields = EventFixtures.Form(EventFixtures.NewEmail(), "Kept Name");
        fields[BrowserExtensions.AntiforgeryField] = token;

        using var response = await client.PostWithoutTokenAsync($"/en/events/{slug}/register", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Registration for this event has closed.", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventGroupId == group)));
    }

    [Fact]
    public async Task Register_CancelledEvent_Refused()
    {
        var (_, slug, _) = await factory.CreateEventAsync(cancelled: true);
        var (_, open, _) = await factory.CreateEventAsync();
        using var client = factory.CreateBrowser("en");
        var token = await client.GetAntiforgeryTokenAsync($"/en/events/{open}");
        var fields = EventFixtures.Form(EventFixtures.NewEmail());
        fields[BrowserExtensions.AntiforgeryField] = token;

        using var response = await client.PostWithoutTokenAsync($"/en/events/{slug}/register", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This event has been cancelled: registration is not possible.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address", "Enter a valid e-mail address")]
    [InlineData("", "Enter your e-mail address.")]
    public async Task Register_BadAddress_400WithLocalisedMessageAndValuesKept(string email, string message)
    {
        var (_, slug, _) = await factory.CreateEventAsync();
        using var client = factory.CreateBrowser("en");

        using var response = await client.RegisterAsync("en", slug, email, "Kept Name");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(message, page.QuerySelector("form[action$='/register']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept Name", page.QuerySelector("#Form_Name")!.GetAttribute("value"));
        Assert.Equal("Example NGO", page.QuerySelector("#Form_Organisation")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Register_TooLongNameWithoutConsent_400WithBothMessages()
    {
        var (_, slug, _) = await factory.CreateEventAsync(culture: "ru");
        using var client = factory.CreateBrowser("ru");
        var fields = EventFixtures.Form(EventFixtures.NewEmail(), new string('я', 201));
        fields.Remove("Form.Consent");

        using var response = await client.PostFormAsync($"/ru/events/{slug}", $"/ru/events/{slug}/register", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Не более 200 символов.", html, StringComparison.Ordinal);
        Assert.Contains("согласитесь с уведомлением о конфиденциальности", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_200InParallel_ExactlyCapacityConfirmedTheRestWaitingNoDuplicates()
    {
        const int capacity = 20;
        // bench/registrations.sh runs this test with 1,000.
        var count = int.TryParse(Environment.GetEnvironmentVariable("REGISTRATION_BENCH_COUNT"), out var n) && n > capacity ? n : 200;
        var (_, slug, group) = await factory.CreateEventAsync(capacity: capacity);
        using var client = factory.CreateBrowser("en");
        var token = await client.GetAntiforgeryTokenAsync($"/en/events/{slug}");

        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var fields = EventFixtures.Form($"parallel-{i}-{group:N}@example.org");
            fields[BrowserExtensions.AntiforgeryField] = token;
            using var response = await client.PostWithoutTokenAsync($"/en/events/{slug}/register", fields);
            return response.StatusCode;
        }));

        Assert.All(responses, s => Assert.Equal(HttpStatusCode.OK, s));
        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).ToListAsync());
        Assert.Equal(count, rows.Count);
        Assert.Equal(capacity, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(count - capacity, rows.Count(r => r.Status == RegistrationStatus.Waiting));
        Assert.Equal(count, rows.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(count, rows.Select(r => r.EmailKey).Distinct().Count());
        // The first 20 in the order of the lock are the confirmed ones.
        Assert.All(rows.OrderBy(r => r.Sequence).Take(capacity), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task CapacityRaisedInTheEditForm_JobPromotesTheWaiting()
    {
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var client = factory.CreateBrowser("en");
        var waiting = EventFixtures.NewEmail();
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("en", slug, waiting)).Dispose();
        await factory.ExecuteDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == id);
            e.Capacity = 2;
            e.UpdatedUtc = factory.UtcNow.AddSeconds(1);
            await db.SaveChangesAsync();
        });

        var promoted = await factory.Service<EventRegistrationJobs>().PromoteOnceAsync();

        Assert.True(promoted >= 1);
        Assert.Equal(RegistrationStatus.Confirmed, await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.Email == waiting).Select(r => r.Status).SingleAsync()));
        await factory.WaitForSubjectAsync(waiting, "A place is free for you");
        Assert.Equal(0, await factory.QueryDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventGroupId == group && r.Status == RegistrationStatus.Waiting)));
    }

    [Fact]
    public async Task Translations_ShareOneListAndTheCapacityOfTheLastSaved()
    {
        var (_, ruSlug, group) = await factory.CreateEventAsync(capacity: 1, culture: "ru");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (_, enSlug, _) = await factory.CreateEventAsync(capacity: 2, culture: "en", group: group);
        using var client = factory.CreateBrowser("en");

        (await client.RegisterAsync("ru", ruSlug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("en", enSlug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("ru", ruSlug, EventFixtures.NewEmail())).Dispose();

        var statuses = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => r.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waiting], statuses);
        var enPage = await client.GetStringAsync(new Uri($"/en/events/{enSlug}", UriKind.Relative));
        Assert.Contains("Full: waiting list", enPage, StringComparison.Ordinal);
    }


    [GeneratedRegex(@"http://localhost/[a-z]{2}/events/registration/cancel\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex CancelLink();
}
