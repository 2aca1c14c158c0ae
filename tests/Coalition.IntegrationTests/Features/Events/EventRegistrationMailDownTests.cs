using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Events;

/// <summary>
/// A mail server that is down never loses a registration or fails the page: the registration is committed before any
/// mail is handed to the mail path, and the visitor still sees their confirmation (issue 12, "Mail").
/// </summary>
public sealed class EventRegistrationMailDownTests(EventRegistrationMailDownTests.MailServerDownFactory factory) : IClassFixture<EventRegistrationMailDownTests.MailServerDownFactory>
{
    [Fact]
    public async Task Register_WhileTheMailServerIsDown_ConfirmsOnThePageAndKeepsTheRegistration()
    {
        var (_, slug, group) = await factory.CreateEventAsync(culture: "ru", capacity: 1);
        using var client = factory.CreateBrowser("ru");
        var (first, second) = (EventFixtures.NewEmail(), EventFixtures.NewEmail());

        using var registered = await client.RegisterAsync("ru", slug, first);
        using var waiting = await client.RegisterAsync("ru", slug, second);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Вы зарегистрированы", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.Contains("под номером 1", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => new { r.Email, r.Status }).ToListAsync());
        Assert.Equal([(first, RegistrationStatus.Confirmed), (second, RegistrationStatus.Waiting)], rows.Select(r => (r.Email!, r.Status)));
        Assert.Equal(0, factory.MailCountTo(first));
    }

    /// <summary>The app's SMTP settings point at a port where nothing listens.</summary>
    public sealed class MailServerDownFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Mail:SmtpPort"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
    })
    {
        private static int ClosedPort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
