using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Jobs;
using Coalition.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Coalition.IntegrationTests.Features.Jobs;

/// <summary>Two instances of the app on one database, as behind a load balancer: each job runs once, each e-mail goes once.</summary>
public sealed class JobLeasesTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"coalition-cluster-{Guid.NewGuid():N}.db");
    private readonly SharedDatabaseFactory _a;
    private readonly SharedDatabaseFactory _b;

    public JobLeasesTests()
    {
        _a = new SharedDatabaseFactory(_database);
        _b = new SharedDatabaseFactory(_database);
        _ = _a.Services; // migrates the shared database first, so that the two do not both try
        _ = _b.Services;
    }

    [Fact]
    public async Task RunOncePerPeriod_TwoInstancesAtOnce_OneRunsPerPeriod()
    {
        var job = $"test-job-{Guid.NewGuid():N}";
        var runs = 0;
        Task Work(CancellationToken _)
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }

        var first = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? _a : _b).Service<JobLeases>().RunOncePerPeriodAsync(job, TimeSpan.FromHours(1), Work)));
        Assert.Equal(1, runs);
        Assert.Single(first, ran => ran);

        _a.Clock.Advance(TimeSpan.FromMinutes(30));
        _b.Clock.Advance(TimeSpan.FromMinutes(30));
        await _b.Service<JobLeases>().RunOncePerPeriodAsync(job, TimeSpan.FromHours(1), Work);
        Assert.Equal(1, runs); // still 10:30 (Dushanbe): the 10:00 slot has run

        _a.Clock.Advance(TimeSpan.FromMinutes(30));
        _b.Clock.Advance(TimeSpan.FromMinutes(30));
        await Task.WhenAll(
            _a.Service<JobLeases>().RunOncePerPeriodAsync(job, TimeSpan.FromHours(1), Work),
            _b.Service<JobLeases>().RunOncePerPeriodAsync(job, TimeSpan.FromHours(1), Work));
        Assert.Equal(2, runs); // the 11:00 slot: one more run, on one instance
    }

    [Fact]
    public async Task MailQueue_SameMessageOnBothInstances_SentOnce()
    {
        var address = $"subscriber-{Guid.NewGuid():N}@example.org";
        var messageId = $"press-alert-42-{Guid.NewGuid():N}@coalition.example";
        _a.Service<MailQueue>().Enqueue(Alert(address, messageId));
        _b.Service<MailQueue>().Enqueue(Alert(address, messageId));

        // The instances share one outbox, and either may send a row stored by the other: once both later markers have
        // gone out (from either), both copies of the alert have been dealt with.
        var markers = new[] { $"marker-{Guid.NewGuid():N}@example.org", $"marker-{Guid.NewGuid():N}@example.org" };
        _a.Service<MailQueue>().Enqueue(Alert(markers[0], $"{Guid.NewGuid():N}@coalition.example"));
        _b.Service<MailQueue>().Enqueue(Alert(markers[1], $"{Guid.NewGuid():N}@coalition.example"));
        foreach (var marker in markers)
        {
            await WaitForMailOnEitherAsync(marker);
        }

        Assert.Equal(1, _a.MailCountTo(address) + _b.MailCountTo(address));
    }

    [Fact]
    public async Task TrashPurge_TwoInstancesStarted_HoldsOneLeaseUntilTheNextFullHour()
    {
        // The trash job takes its lease in its first round, which the hosts start in the background.
        Coalition.Data.Entities.JobLease? lease = null;
        for (var i = 0; i < 100 && lease is null; i++)
        {
            lease = await _a.QueryDbAsync(db => db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == "trash-purge"));
            if (lease is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(lease);

        Assert.Equal(new DateTime(2026, 5, 5, 6, 0, 0, DateTimeKind.Utc), lease!.ExpiresUtc);
        Assert.Equal(CoalitionAppFactory.StartTime.UtcDateTime, lease.AcquiredUtc);
    }

    /// <summary>Waits (a few seconds at most) until either instance's SMTP server has a message to <paramref name="address"/>.</summary>
    private async Task WaitForMailOnEitherAsync(string address)
    {
        for (var i = 0; i < 100 && _a.MailCountTo(address) + _b.MailCountTo(address) == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, _a.MailCountTo(address) + _b.MailCountTo(address));
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private static MimeMessage Alert(string to, string messageId)
    {
        var message = new MimeMessage { Subject = "Press alert", MessageId = messageId };
        message.From.Add(MailboxAddress.Parse("portal@coalition.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "A new statement was published." };
        return message;
    }

    /// <summary>One instance of the app on a database file that another instance shares.</summary>
    private sealed class SharedDatabaseFactory(string database) : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Coalition"] = $"Data Source={database}",
    });
}
