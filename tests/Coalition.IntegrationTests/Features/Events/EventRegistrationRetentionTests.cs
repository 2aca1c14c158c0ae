using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>
/// Retention on the app's clock, with <c>Events:RegistrantRetentionDays</c> set to a few days: moving the fake clock
/// by the default 90 days runs every periodic timer of the app (search sync, mail, jobs) tens of thousands of times,
/// which took minutes; the rule is the same.
/// </summary>
public sealed class EventRegistrationRetentionTests(EventRegistrationRetentionTests.ShortRetentionFactory factory) : IClassFixture<EventRegistrationRetentionTests.ShortRetentionFactory>
{
    private const int RetentionDays = 2;

    [Fact]
    public async Task Retention_DeletesPersonalDataDaysAfterTheEventEnds_KeepsCounts()
    {
        var (_, slug, group) = await factory.CreateEventAsync(capacity: 1, startsIn: TimeSpan.FromDays(1));
        using var client = factory.CreateBrowser("en");
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await client.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        var jobs = factory.Service<EventRegistrationJobs>();

        factory.Clock.Advance(TimeSpan.FromDays(1 + RetentionDays));
        await jobs.DeleteExpiredPersonalDataAsync();
        Assert.Equal(2, await factory.QueryDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventGroupId == group && r.Email != null)));

        // The event ended 7 hours after its start: RetentionDays after that, the data goes.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await jobs.DeleteExpiredPersonalDataAsync();

        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Null(r.Name);
            Assert.Null(r.Email);
            Assert.Null(r.EmailKey);
            Assert.Null(r.Phone);
            Assert.Null(r.Organisation);
            Assert.Null(r.CancelTokenHash);
            Assert.NotNull(r.PersonalDataDeletedUtc);
        });
        Assert.Equal(1, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        var audit = await factory.QueryDbAsync(db => db.AuditEntries.Where(e => e.Action == Coalition.Web.Features.Audit.AuditActions.RegistrationsRetention).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s!.StartsWith("Personal data of", StringComparison.Ordinal));
    }

    public sealed class ShortRetentionFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Events:RegistrantRetentionDays"] = RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
