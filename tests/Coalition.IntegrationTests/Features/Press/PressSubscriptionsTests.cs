using System.Net;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Press;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Coalition.IntegrationTests.Features.Press;

/// <summary>E-mail alerts over a real SMTP listener: double opt-in, neutral answers, one mail per release across restarts, unsubscribe.</summary>
public sealed partial class PressSubscriptionsTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string Address() => $"journalist-{Guid.NewGuid():N}@example.org";

    private async Task<HttpResponseMessage> SubscribeAsync(string email, string culture = "en")
    {
        using var client = factory.CreateBrowser();
        return await client.SubmitFormAsync($"/{culture}/press/alerts", $"/{culture}/press/alerts", new() { ["Email"] = email });
    }

    private static string Link(MimeMessage mail, string path) =>
        new Uri(LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).First(v => v.Contains(path, StringComparison.Ordinal))).PathAndQuery;

    /// <summary>Subscribes and confirms through the mail's link; returns the confirmation mail.</summary>
    private async Task<MimeMessage> ConfirmedAsync(string email, string culture = "en")
    {
        using (var subscribed = await SubscribeAsync(email, culture))
        {
            Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        }

        var mail = await factory.WaitForMailAsync(email);
        using var client = factory.CreateBrowser();
        using var confirmed = await client.GetAsync(new Uri(Link(mail, "/press/alerts/confirm"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return mail;
    }

    private async Task<MimeMessage> AlertAsync(string email, string title)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = factory.ReceivedMail.Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
                .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
                .FirstOrDefault(m => m.Subject?.Contains(title, StringComparison.Ordinal) == true);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100); // the one real wait: mail crosses a socket
        }

        throw new InvalidOperationException($"No alert for {title} reached {email}.");
    }

    private int AlertCount(string email, string title) =>
        factory.ReceivedMail.Count(m => m.ToAddresses.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))
            && MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))).Subject?.Contains(title, StringComparison.Ordinal) == true);

    [Fact]
    public async Task Subscribe_SendsAConfirmationWithUnsubscribeLink_AndNothingElseUntilConfirmed()
    {
        var email = Address();
        using (var response = await SubscribeAsync(email))
        {
            var page = await response.ParseAsync();
            Assert.Contains("Nothing is sent until you confirm", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        var mail = await factory.WaitForMailAsync(email);
        Assert.Contains("http://localhost/en/press/alerts/confirm?token=", mail.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/en/press/alerts/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var stored = await factory.QueryDbAsync(db => db.Set<PressSubscriber>().AsNoTracking().SingleAsync(s => s.Email == email));
        Assert.Null(stored.ConfirmedUtc);

        var title = $"Unconfirmed {Guid.NewGuid():N}";
        await PressTestData.CreateReleaseAsync(factory, title, await PressTestData.UploadFilesAsync(factory));
        await factory.Service<PressAlerts>().RunOnceAsync();
        Assert.Equal(0, AlertCount(email, title));
        Assert.Equal(1, factory.MailCountTo(email));
    }

    [Fact]
    public async Task Subscribe_InvalidOrAlreadyConfirmed_GetsTheSameAnswerAndNoMail()
    {
        var email = Address();
        await ConfirmedAsync(email);
        var before = factory.MailCountTo(email);

        string Answer(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("main")!.TextContent.Trim();
        using var again = await SubscribeAsync(email.ToUpperInvariant());
        using var invalid = await SubscribeAsync("not an address");
        using var fresh = await SubscribeAsync(Address());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var freshAnswer = Answer(await fresh.ParseAsync());
        Assert.Equal(freshAnswer, Answer(await again.ParseAsync()));
        Assert.Equal(freshAnswer, Answer(await invalid.ParseAsync()));
        Assert.Equal(before, factory.MailCountTo(email));
        Assert.Equal(1, await factory.QueryDbAsync(db => db.Set<PressSubscriber>().CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task Alert_OneMailPerConfirmedSubscriberOfTheLanguage_NeverTwice_EvenFromASecondInstance()
    {
        var english = Address();
        var russian = Address();
        await ConfirmedAsync(english);
        await ConfirmedAsync(russian, "ru");
        var title = $"Alerted {Guid.NewGuid():N}";
        var (id, slug) = await PressTestData.CreateReleaseAsync(factory, title, await PressTestData.UploadFilesAsync(factory));

        await factory.Service<PressAlerts>().RunOnceAsync();
        var alert = await AlertAsync(english, title);
        Assert.Contains($"http://localhost/en/press/{slug}", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("/en/press/alerts/unsubscribe?token=", alert.TextBody, StringComparison.Ordinal);
        Assert.NotNull(alert.Headers["List-Unsubscribe"]);
        Assert.NotNull(await factory.QueryDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).Select(r => r.AlertsQueuedUtc).SingleAsync()));

        // A second run, and a second instance on the same database (a restart or a scaled-out node), send nothing more.
        Assert.Equal(0, await factory.Service<PressAlerts>().RunOnceAsync());
        using (var second = new SameDatabaseAppFactory(factory.DatabasePath))
        {
            second.Clock.SetUtcNow(factory.Clock.GetUtcNow());
            Assert.Equal(0, await second.Service<PressAlerts>().RunOnceAsync());
            Assert.Empty(second.ReceivedMail);
        }

        Assert.Equal(1, AlertCount(english, title));
        Assert.Equal(0, AlertCount(russian, title));
    }

    [Fact]
    public async Task Alert_RunStoppedBeforeMarkingTheRelease_NextRunSendsNothingTwice()
    {
        var subscribers = new[] { Address(), Address(), Address() };
        foreach (var email in subscribers)
        {
            await ConfirmedAsync(email);
        }

        var title = $"Repeated run {Guid.NewGuid():N}";
        var (id, _) = await PressTestData.CreateReleaseAsync(factory, title, await PressTestData.UploadFilesAsync(factory));
        await factory.Service<PressAlerts>().RunOnceAsync();
        foreach (var email in subscribers)
        {
            await AlertAsync(email, title);
        }

        // As if the run had stored every alert and then stopped (a crash, the database gone) before marking the
        // release: the next run gives them all again, and the outbox knows each one by its Message-Id.
        await factory.ExecuteDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AlertsQueuedUtc, (DateTime?)null)));
        Assert.Equal(1, await factory.Service<PressAlerts>().RunOnceAsync());
        Assert.NotNull(await factory.QueryDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).Select(r => r.AlertsQueuedUtc).SingleAsync()));

        // A later release reaches everyone: by then a second copy of the first would have arrived too.
        var later = $"Later release {Guid.NewGuid():N}";
        await PressTestData.CreateReleaseAsync(factory, later, await PressTestData.UploadFilesAsync(factory));
        await factory.Service<PressAlerts>().RunOnceAsync();
        foreach (var email in subscribers)
        {
            await AlertAsync(email, later);
            Assert.Equal(1, AlertCount(email, title));
        }
    }

    [Fact]
    public async Task Alert_PublishNow_LeavesWithoutWaitingForThePoll()
    {
        var email = Address();
        await ConfirmedAsync(email);
        var title = $"Poked {Guid.NewGuid():N}";
        await PressTestData.CreateReleaseAsync(factory, title, await PressTestData.UploadFilesAsync(factory));
        // No RunOnceAsync and no clock move: the publish itself wakes the job.
        await AlertAsync(email, title);
        Assert.Equal(1, AlertCount(email, title));
    }

    [Fact]
    public async Task Alert_ForAnEmbargoedRelease_LeavesAtTheEmbargoMinuteNotBefore()
    {
        var email = Address();
        await ConfirmedAsync(email);
        var title = $"Embargo alert {Guid.NewGuid():N}";
        var embargo = PressTestData.NextMinute(factory, 5);
        var (id, _) = await PressTestData.CreateReleaseAsync(factory, title, await PressTestData.UploadFilesAsync(factory), embargo);

        await factory.Service<PressAlerts>().RunOnceAsync();
        Assert.Null(await factory.QueryDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).Select(r => r.AlertsQueuedUtc).SingleAsync()));
        Assert.Equal(0, AlertCount(email, title));

        factory.Clock.Advance(embargo - factory.UtcNow);
        await factory.Service<PressAlerts>().RunOnceAsync(); // the job's own timer may have sent it already: either way, once
        await AlertAsync(email, title);
        Assert.Equal(1, AlertCount(email, title));
    }

    [Fact]
    public async Task Unsubscribe_TheLinkAsksFirst_ThenTheOneClickPostDeletesTheSubscription()
    {
        var email = Address();
        var mail = await ConfirmedAsync(email);
        var link = Link(mail, "/press/alerts/unsubscribe");

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync(link);
        Assert.NotNull(page.QuerySelector("form[action='/en/press/alerts/unsubscribe'] button"));
        Assert.Equal(1, await factory.QueryDbAsync(db => db.Set<PressSubscriber>().CountAsync(s => s.Email == email)));

        // RFC 8058: the mail program posts to the List-Unsubscribe address, without a page or an antiforgery token.
        using var oneClick = await client.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, await factory.QueryDbAsync(db => db.Set<PressSubscriber>().CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task Unsubscribe_ForgedToken_ChangesNothing()
    {
        var email = Address();
        await ConfirmedAsync(email);
        using var client = factory.CreateBrowser();
        using var response = await client.PostAsync(new Uri("/en/press/alerts/unsubscribe?token=forged", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await factory.QueryDbAsync(db => db.Set<PressSubscriber>().CountAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task Confirm_ExpiredLink_DoesNotConfirm()
    {
        var email = Address();
        using (await SubscribeAsync(email))
        {
        }

        var mail = await factory.WaitForMailAsync(email);
        factory.Clock.Advance(TimeSpan.FromHours(73));
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync(Link(mail, "/press/alerts/confirm"));
        Assert.Contains("This link does not work", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.QueryDbAsync(db => db.Set<PressSubscriber>().Where(s => s.Email == email).Select(s => s.ConfirmedUtc).SingleAsync()));
    }

    [Fact]
    public async Task Subscribers_OnlyForManageSubscribers_AndNeverCached()
    {
        var email = Address();
        await ConfirmedAsync(email);
        using var editor = await factory.SignedInClientAsync(Coalition.Web.Features.Accounts.Roles.Editor);
        using (var refused = await editor.GetAsync(new Uri("/admin/press-subscribers", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var menu = await editor.GetDocumentAsync("/admin");
        Assert.Null(menu.QuerySelector("a[href='/admin/press-subscribers']"));

        using var admin = await factory.SignedInClientAsync(Coalition.Web.Features.Accounts.Roles.Administrator);
        using var list = await admin.GetAsync(new Uri("/admin/press-subscribers?culture=en", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
        Assert.Contains(email, (await list.ParseAsync()).QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://localhost/\S+")]
    private static partial Regex LinkPattern();
}

/// <summary>A second instance of the app on another app's database file (a restart, or a second node).</summary>
public sealed class SameDatabaseAppFactory(string databasePath)
    : CoalitionAppFactory(new Dictionary<string, string?> { ["ConnectionStrings:Coalition"] = $"Data Source={databasePath}" });

/// <summary>The subscription form allows 2 POSTs per visitor in 10 minutes.</summary>
public sealed class LowPressLimitAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
{
    ["Press:SubscribePermitLimit"] = "2",
    ["Press:SubscribeWindowSeconds"] = "600",
});

public sealed class PressRateLimitTests(LowPressLimitAppFactory factory) : IClassFixture<LowPressLimitAppFactory>
{
    [Fact]
    public async Task Subscribe_TooOften_Gets429WithRetryAfterInTheVisitorsLanguage()
    {
        using var client = factory.CreateBrowser();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.SubmitFormAsync("/ru/press/alerts", "/ru/press/alerts", new() { ["Email"] = $"r{i}-{Guid.NewGuid():N}@example.org" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await client.SubmitFormAsync("/ru/press/alerts", "/ru/press/alerts", new() { ["Email"] = $"x-{Guid.NewGuid():N}@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal("ru", (await refused.ParseAsync()).DocumentElement.GetAttribute("lang"));
    }
}
