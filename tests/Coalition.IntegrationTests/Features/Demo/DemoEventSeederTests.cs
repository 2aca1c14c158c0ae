using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Demo;

public sealed class DemoEventSeederTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    [Theory]
    [InlineData("ru", "Осталось мест: 3 из 25")]
    [InlineData("en", "Full: waiting list")]
    [InlineData("tg", "Хуҷанд")]
    public async Task DemoSeed_EventsInEveryLanguage_OneNearlyFullOneWithWaitingList(string culture, string expected)
    {
        using var client = factory.CreateBrowser();

        var html = await client.GetStringAsync(new Uri($"/{culture}/events", UriKind.Relative));
        var past = await client.GetDocumentAsync($"/{culture}/events/past");

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Equal(2, past.QuerySelectorAll(".card-title a").Length);
        Assert.DoesNotContain("@example.org", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_SixEventsAllRegistrantsFictional()
    {
        var groups = await factory.QueryDbAsync(db => db.Events.Select(e => e.TranslationGroupId).Distinct().CountAsync());
        var emails = await factory.QueryDbAsync(db => db.EventRegistrations.Select(r => r.Email!).ToListAsync());

        Assert.Equal(6, groups);
        Assert.All(emails, e => Assert.EndsWith("@example.org", e, StringComparison.Ordinal));
        Assert.Equal(4, await factory.QueryDbAsync(db => db.EventRegistrations.CountAsync(r => r.Status == RegistrationStatus.Waiting)));
    }
}
