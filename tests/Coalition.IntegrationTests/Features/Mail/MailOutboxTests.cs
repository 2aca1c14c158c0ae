using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Events;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using netDumbster.smtp;

namespace Coalition.IntegrationTests.Features.Mail;

/// <summary>
/// The durable mail outbox with the SMTP server down, then back: nothing is lost, the page still confirms, the stored
/// message is unreadable, retries follow the backoff, old mail is given up, and nothing goes twice. Each test has its
/// own app whose background sender is switched off, so the test runs each store and send round itself.
/// </summary>
public sealed class MailOutboxTests
{
    [Fact]
    public async Task Register_SmtpDown_PageConfirmsMailIsKeptEncryptedAndSentOnceTheServerIsBack()
    {
        using var factory = new SmtpDownAppFactory();
        var (_, slug, _) = await factory.CreateEventAsync(culture: "ru", capacity: 5);
        using var client = factory.CreateBrowser("ru");
        var email = EventFixtures.NewEmail();

        using var response = await client.RegisterAsync("ru", slug, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Вы зарегистрированы", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await factory.QueryDbAsync(db => db.EventRegistrations.AnyAsync(r => r.Email == email)));
        Assert.Equal(1, await factory.OutboxAsync(o => o.StoreQueuedAsync()));
        var row = Assert.Single(await factory.QueryDbAsync(db => db.OutgoingMails.AsNoTracking().ToListAsync()));
        Assert.DoesNotContain(email, Encoding.UTF8.GetString(row.Content), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email.Split('@')[0], Encoding.Latin1.GetString(row.Content), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(email, Encoding.UTF8.GetString(factory.Unprotect(row.Content)), StringComparison.Ordinal); // the check above means something

        var down = await factory.OutboxAsync(o => o.SendDueAsync());
        Assert.Equal(new MailOutboxRound(1, 0, 1, 0), down);

        using var smtp = factory.StartSmtp();
        factory.Clock.Advance(MailOutbox.Backoff(1) + TimeSpan.FromSeconds(1));
        var up = await factory.OutboxAsync(o => o.SendDueAsync());

        Assert.Equal(1, up.Sent);
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal(email, Assert.Single(mail.ToAddresses).Address);
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        Assert.StartsWith("Вы зарегистрированы", message.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryDbAsync(db => db.OutgoingMails.CountAsync()));
        Assert.Equal(0, (await factory.OutboxAsync(o => o.SendDueAsync())).Taken);
        Assert.Single(smtp.ReceivedEmail);
    }

    [Fact]
    public async Task SendDue_SmtpDown_CountsEachAttemptAndWaitsTheBackoff()
    {
        using var factory = new SmtpDownAppFactory();
        Assert.True(await factory.OutboxAsync(o => o.AddAsync(Message(EventFixtures.NewEmail()))));
        var queued = factory.UtcNow;

        Assert.Equal(1, (await factory.OutboxAsync(o => o.SendDueAsync())).Failed);
        var first = await factory.QueryDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync());
        Assert.Equal(1, first.Attempts);
        Assert.Equal(queued + TimeSpan.FromMinutes(1), first.NextAttemptUtc);
        Assert.Null(first.LeaseHolder);

        factory.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, (await factory.OutboxAsync(o => o.SendDueAsync())).Taken); // not yet due

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await factory.OutboxAsync(o => o.SendDueAsync())).Failed);
        var second = await factory.QueryDbAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync());
        Assert.Equal(2, second.Attempts);
        Assert.Equal(factory.UtcNow + TimeSpan.FromMinutes(2), second.NextAttemptUtc);
        Assert.Equal(queued, second.CreatedUtc);
    }

    [Fact]
    public async Task SendDue_StillFailingAfterTheMaximumAge_DeletesTheRowUnsent()
    {
        using var factory = new SmtpDownAppFactory();
        await factory.OutboxAsync(o => o.AddAsync(Message(EventFixtures.NewEmail())));

        factory.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(new MailOutboxRound(1, 0, 1, 0), await factory.OutboxAsync(o => o.SendDueAsync()));
        Assert.Equal(1, await factory.QueryDbAsync(db => db.OutgoingMails.CountAsync())); // 47 h: kept for a retry

        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new MailOutboxRound(1, 0, 0, 1), await factory.OutboxAsync(o => o.SendDueAsync()));
        Assert.Equal(0, await factory.QueryDbAsync(db => db.OutgoingMails.CountAsync()));
    }

    [Fact]
    public async Task Enqueue_SameMessageIdTwice_StoredOnceAndSentOnce_EvenAfterItWasSent()
    {
        using var factory = new SmtpDownAppFactory();
        using var smtp = factory.StartSmtp();
        var email = EventFixtures.NewEmail();
        var id = $"press-alert-7-{Guid.NewGuid():N}@coalition.example";
        var queue = factory.Service<MailQueue>();

        queue.Enqueue(Message(email, id));
        queue.Enqueue(Message(email, id));
        Assert.Equal(1, await factory.OutboxAsync(o => o.StoreQueuedAsync()));
        Assert.Equal(1, (await factory.OutboxAsync(o => o.SendDueAsync())).Sent);
        queue.Enqueue(Message(email, id)); // a copy, after the row is gone
        Assert.Equal(0, await factory.OutboxAsync(o => o.StoreQueuedAsync()));
        Assert.Equal(0, (await factory.OutboxAsync(o => o.SendDueAsync())).Taken);

        Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == email));
    }

    [Fact]
    public async Task SendDue_TwoRoundsAtOnceInTwoScopes_SendEachRowOnce()
    {
        using var factory = new SmtpDownAppFactory();
        using var smtp = factory.StartSmtp();
        var addresses = Enumerable.Range(0, 20).Select(_ => EventFixtures.NewEmail()).ToList();
        foreach (var address in addresses)
        {
            await factory.OutboxAsync(o => o.AddAsync(Message(address)));
        }

        var rounds = await Task.WhenAll(
            factory.OutboxAsync(o => o.SendDueAsync()),
            factory.OutboxAsync(o => o.SendDueAsync()));

        Assert.Equal(20, rounds.Sum(r => r.Sent));
        Assert.Equal(20, smtp.ReceivedEmail.Length);
        Assert.All(addresses, a => Assert.Single(smtp.ReceivedEmail, m => m.ToAddresses.Any(t => t.Address == a)));
        Assert.Equal(0, await factory.QueryDbAsync(db => db.OutgoingMails.CountAsync()));
    }

    [Fact]
    public async Task HealthReady_MailWaitingMoreThanAQuarterHour_SaysDegradedWith200()
    {
        using var factory = new SmtpDownAppFactory();
        using var client = factory.CreateBrowser();
        await factory.OutboxAsync(o => o.AddAsync(Message(EventFixtures.NewEmail())));
        await factory.OutboxAsync(o => o.SendDueAsync());

        using var fresh = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Contains("\"mail\":\"Healthy\"", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        using var stale = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var body = await stale.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"mail\":\"Degraded\"", body, StringComparison.Ordinal);
    }

    private static MimeMessage Message(string to, string? messageId = null)
    {
        var message = new MimeMessage { Subject = "Your registration" };
        if (messageId is not null)
        {
            message.MessageId = messageId;
        }

        message.From.Add(MailboxAddress.Parse("portal@coalition.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "You are registered." };
        return message;
    }

    /// <summary>
    /// The app with its SMTP port closed (nothing listens until <see cref="StartSmtp"/>) and without the background
    /// sender: messages handed to the queue wait until the test stores them, and rounds run only when the test calls them.
    /// </summary>
    private sealed class SmtpDownAppFactory : CoalitionAppFactory
    {
        private readonly int _port;

        public SmtpDownAppFactory()
            : this(ClosedPort())
        {
        }

        private SmtpDownAppFactory(int port)
            : base(new Dictionary<string, string?> { ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture) }) => _port = port;

        /// <summary>Starts an SMTP server on the app's port.</summary>
        public SimpleSmtpServer StartSmtp() => Configuration.Configure().WithPort(_port).Build();

        public Task<T> OutboxAsync<T>(Func<MailOutbox, Task<T>> action) =>
            QueryAsync(services => action(services.GetRequiredService<MailOutbox>()));

        public byte[] Unprotect(byte[] content) =>
            Service<IDataProtectionProvider>().CreateProtector(MailOutbox.ProtectorPurpose).Unprotect(content);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MailOutboxWorker)));

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
