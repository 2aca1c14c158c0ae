using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>
/// Staff raise the capacity in the ordinary edit form, and the promotions happen at once: in the same request, with
/// the "a place is free" mail, and the public page shows the new places. A draft of a live event changes nothing
/// until it is published.
/// </summary>
public sealed class EventCapacityListenerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Edit_CapacityRaisedAndPublished_PromotesTheFirstWaitingAtOnceAndMailsThem()
    {
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("en");
        var (confirmed, first, second) = (EventFixtures.NewEmail(), EventFixtures.NewEmail(), EventFixtures.NewEmail());
        foreach (var email in new[] { confirmed, first, second })
        {
            (await visitor.RegisterAsync("en", slug, email)).Dispose();
        }

        Assert.Contains("Full: waiting list", await visitor.GetStringAsync(new Uri($"/en/events/{slug}", UriKind.Relative)), StringComparison.Ordinal);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using (var saved = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/edit", new() { ["Fields.Capacity"] = "2", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // No job ran: the request itself promoted the first person waiting, and only them.
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waiting],
            await StatusesAsync(group));
        var mail = await factory.WaitForSubjectAsync(first, "A place is free for you");
        Assert.Contains("now registered", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/en/events/registration/cancel?token=", mail.TextBody, StringComparison.Ordinal);
        Assert.False(factory.HasMail(second, "A place is free for you"));

        // Two more places: the second person waiting is promoted, and one place is left for the public.
        using (var saved = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/edit", new() { ["Fields.Capacity"] = "4", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], await StatusesAsync(group));
        await factory.WaitForSubjectAsync(second, "A place is free for you");
        var page = await visitor.GetDocumentAsync($"/en/events/{slug}");
        Assert.Contains("1 of 4 places left", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        var list = await visitor.GetDocumentAsync("/en/events");
        Assert.Contains("1 of 4 places left", list.QuerySelector($"a[href='/en/events/{slug}']")!.Closest("article, li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_CapacityRaisedInADraftOfTheLiveEvent_NothingMovesUntilItIsPublished()
    {
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("en");
        var waiting = EventFixtures.NewEmail();
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await visitor.RegisterAsync("en", slug, waiting)).Dispose();
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using (var draft = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/edit", new() { ["Fields.Capacity"] = "2", ["action"] = "draft" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        // The public still sees one place: the raised capacity waits in the pending revision.
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waiting], await StatusesAsync(group));
        Assert.Contains("Full: waiting list", await visitor.GetStringAsync(new Uri($"/en/events/{slug}", UriKind.Relative)), StringComparison.Ordinal);

        using (var published = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], await StatusesAsync(group));
        await factory.WaitForSubjectAsync(waiting, "A place is free for you");
    }

    [Fact]
    public async Task Edit_CapacityRaisedInOneTranslation_EveryTranslationTakesIt()
    {
        var (ruId, ruSlug, group) = await factory.CreateEventAsync(capacity: 1, culture: "ru");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (enId, _, _) = await factory.CreateEventAsync(capacity: 1, culture: "en", group: group);
        using var visitor = factory.CreateBrowser("ru");
        var waiting = EventFixtures.NewEmail();
        (await visitor.RegisterAsync("ru", ruSlug, EventFixtures.NewEmail())).Dispose();
        (await visitor.RegisterAsync("ru", ruSlug, waiting)).Dispose();
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using (var saved = await editor.SubmitFormAsync($"/admin/events/{enId}/edit", $"/admin/events/{enId}/edit", new() { ["Fields.Capacity"] = "3", ["action"] = "publish" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(3, await factory.QueryDbAsync(db => db.Events.Where(e => e.Id == ruId).Select(e => e.Capacity).SingleAsync()));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], await StatusesAsync(group));
        await factory.WaitForSubjectAsync(waiting, "Для вас освободилось место");

        // A later draft of the Russian page (which bumps its save time) no longer takes the capacity back.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var draft = await editor.SubmitFormAsync($"/admin/events/{ruId}/edit", $"/admin/events/{ruId}/edit", new() { ["Summary"] = "Черновик.", ["action"] = "draft" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        Assert.Contains("Осталось мест: 1 из 3", await visitor.GetStringAsync(new Uri($"/ru/events/{ruSlug}", UriKind.Relative)), StringComparison.Ordinal);
    }

    private Task<List<RegistrationStatus>> StatusesAsync(Guid group) =>
        factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => r.Status).ToListAsync());
}
