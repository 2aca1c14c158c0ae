using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>
/// Staff tick "Cancelled" and publish: everyone still on the list, confirmed or waiting, is told by e-mail in the
/// language they registered in, once; a person who had cancelled is not. A later save of the cancelled event mails
/// nobody; if the event is on again and cancelled a second time, they are told again.
/// </summary>
public sealed class EventCancellationTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string Subject = "Event cancelled: ";

    private async Task PublishAsync(HttpClient editor, int id, bool cancelled, string? venue = null)
    {
        var fields = new Dictionary<string, string> { ["Fields.Cancelled"] = cancelled ? "true" : "false", ["action"] = "publish" };
        if (venue is not null)
        {
            fields["Fields.Venue"] = venue;
        }

        using var saved = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Publish_Cancelled_TellsConfirmedAndWaitingOnce_NotThoseWhoHadCancelled()
    {
        var title = $"Seminar on monitoring {Guid.NewGuid():N}";
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1, title: title);
        using var visitor = factory.CreateBrowser("en");
        var (confirmed, waiting, left) = (EventFixtures.NewEmail(), EventFixtures.NewEmail(), EventFixtures.NewEmail());
        foreach (var email in new[] { confirmed, waiting, left })
        {
            (await visitor.RegisterAsync("en", slug, email)).Dispose();
        }

        await factory.ExecuteDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group && r.Sequence == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled)));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        await PublishAsync(editor, id, cancelled: true);

        var mail = await factory.WaitForSubjectAsync(confirmed, Subject + title);
        Assert.Contains("organisers have cancelled this event", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/en/events/{slug}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cancel?token=", mail.TextBody, StringComparison.Ordinal); // nothing left for them to do
        Assert.Single(mail.To);
        await factory.WaitForSubjectAsync(waiting, Subject);
        Assert.True(await factory.QueryDbAsync(db => db.EventRegistrationLists.AnyAsync(l => l.EventGroupId == group && l.CancellationNoticeUtc != null)));
        // The registrations stay as they were: staff still see who had registered.
        Assert.Equal(
            [RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Cancelled],
            await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => r.Status).ToListAsync()));

        // Another save of the cancelled event tells nobody again; on again, then cancelled again: told a second time.
        await PublishAsync(editor, id, cancelled: true, venue: "Room 4, Example Street 1");
        await PublishAsync(editor, id, cancelled: false);
        Assert.True(await factory.QueryDbAsync(db => db.EventRegistrationLists.AnyAsync(l => l.EventGroupId == group && l.CancellationNoticeUtc == null)));
        await PublishAsync(editor, id, cancelled: true);
        Assert.Equal(2, await factory.WaitForMailCountAsync(confirmed, Subject, 2));
        Assert.False(factory.HasMail(left, Subject));
    }

    [Fact]
    public async Task Publish_Cancelled_MailInTheLanguageOfTheRegistration()
    {
        var (_, enSlug, group) = await factory.CreateEventAsync(title: $"Seminar {Guid.NewGuid():N}");
        var ruTitle = $"Семинар о мониторинге {Guid.NewGuid():N}";
        var (ruId, ruSlug, _) = await factory.CreateEventAsync(culture: "ru", group: group, title: ruTitle);
        var person = EventFixtures.NewEmail();
        using (var visitor = factory.CreateBrowser("ru"))
        {
            (await visitor.RegisterAsync("ru", ruSlug, person)).Dispose();
        }

        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        await PublishAsync(editor, ruId, cancelled: true);

        var mail = await factory.WaitForSubjectAsync(person, "Мероприятие отменено: " + ruTitle);
        Assert.Contains("организаторы отменили это мероприятие", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/ru/events/{ruSlug}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(enSlug, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CancelledAfterItStarted_TellsNobody()
    {
        var (id, slug, group) = await factory.CreateEventAsync(startsIn: TimeSpan.FromHours(2));
        var person = EventFixtures.NewEmail();
        using (var visitor = factory.CreateBrowser("en"))
        {
            (await visitor.RegisterAsync("en", slug, person)).Dispose();
        }

        factory.Clock.Advance(TimeSpan.FromHours(3));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        await PublishAsync(editor, id, cancelled: true);

        Assert.False(await factory.QueryDbAsync(db => db.EventRegistrationLists.AnyAsync(l => l.EventGroupId == group && l.CancellationNoticeUtc != null)));
    }
}
