using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.LegalAid;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.LegalAid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Controllers;

/// <summary>The public Legal Aid page and request form, with the Group's key set up.</summary>
public sealed class LegalAidControllerTests(LegalAidAppFactory app) : IClassFixture<LegalAidAppFactory>
{
    [Theory]
    [InlineData("ru", "Юридическая помощь", "Стамбульском протоколе", "Покинуть страницу")]
    [InlineData("tg", "Кӯмаки ҳуқуқӣ", "Протоколи Истанбул", "Тарки саҳифа")]
    [InlineData("en", "Legal aid", "Istanbul Protocol", "Leave this page")]
    public async Task Index_InEveryLanguage_ShowsTheStarterText_TheQuickExit_AndIsNeverStored(string culture, string title, string protocol, string leave)
    {
        using var browser = app.CreateBrowser();
        using var response = await browser.GetAsync($"/{culture}/legal-aid");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());

        var page = await response.ParseAsync();
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.Text("main h1"));
        Assert.Contains(protocol, page.Text(".prose"), StringComparison.Ordinal);
        Assert.Contains("+992 00 000 0000", page.Text(".prose"), StringComparison.Ordinal);
        Assert.Contains("Tor Browser", page.Text(".prose"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".prose blockquote"));

        var exit = page.QuerySelector("a[data-quick-exit]")!;
        Assert.Equal(leave, exit.TextContent.Trim());
        Assert.Equal("https://www.google.com/", exit.GetAttribute("href"));
        Assert.Contains("noreferrer", exit.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Matches(@"^/js/quick-exit(\.[a-z0-9]+)?\.js", page.QuerySelector("script")!.GetAttribute("src"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.NotNull(page.QuerySelector($"a[href='/{culture}/legal-aid/request']"));
    }

    [Theory]
    [InlineData("ru", "Юридическая помощь")]
    [InlineData("tg", "Кӯмаки ҳуқуқӣ")]
    [InlineData("en", "Legal aid")]
    public async Task Navigation_InEveryLanguage_LinksTheLegalAidPage(string culture, string label)
    {
        using var browser = app.CreateBrowser();
        var home = await browser.GetDocumentAsync($"/{culture}/news");
        Assert.Equal(label, home.QuerySelector($".main-nav a[href='/{culture}/legal-aid']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Form_IsNeverStored_AndWorksWithoutScript()
    {
        await app.EnsureKeyAsync();
        using var browser = app.CreateBrowser();
        using var response = await browser.GetAsync("/ru/legal-aid/request");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var page = await response.ParseAsync();
        var form = page.QuerySelector("form[action='/ru/legal-aid/request']")!;
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.NotNull(form.QuerySelector("input[name='Form.Started'][type=hidden]"));
        Assert.NotNull(form.QuerySelector(".hp input[name='Form.Website']"));
        Assert.Equal(3, form.QuerySelectorAll("input[name='Form.Concerns'][type=radio]").Length);
        Assert.NotNull(page.QuerySelector("a[data-quick-exit]"));
    }

    [Fact]
    public async Task Send_StoresOnlyCiphertext_TheRawDatabaseFileHoldsNoPlaintext()
    {
        await app.EnsureKeyAsync();
        var marker = Guid.NewGuid().ToString("N");
        var contact = $"Telegram @safe_{marker}";
        var story = $"Брата избили в районном отделе {marker}, он в СИЗО";
        var before = (await app.RequestsAsync()).Count;
        using var browser = app.CreateBrowser("ru-RU");

        using var response = await app.SubmitRequestAsync(browser, "ru", new() { ["Form.Contact"] = contact, ["Form.WhatHappened"] = story, ["Form.Urgent"] = "true" });

        Assert.Equal("/ru/legal-aid/request/sent", response.RedirectPath());
        using var sent = await browser.FollowAsync(response);
        Assert.Equal("no-store", sent.Headers.CacheControl?.ToString());
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.DoesNotContain(marker, sentHtml, StringComparison.Ordinal);
        Assert.Matches("<h1>Спасибо</h1>", sentHtml);

        var requests = await app.RequestsAsync();
        Assert.Equal(before + 1, requests.Count);
        var stored = requests.OrderByDescending(r => r.ReceivedUtc).First(r => !RequestIdsBefore.Contains(r.Id));
        RequestIdsBefore.Add(stored.Id);
        Assert.Equal(LegalAidStatus.New, stored.Status);
        Assert.Equal(0, stored.ReceivedUtc.Minute);

        // Checkpoint the write-ahead log too, then look at the raw bytes as someone with a copy of the file would.
        await app.ExecuteDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);"));
        var raw = app.RawDatabaseBytes();
        Assert.False(LegalAidAppFactory.Contains(raw, marker), "the marker is in the database file");
        Assert.False(LegalAidAppFactory.Contains(raw, "избили"), "the story is in the database file");
        Assert.False(LegalAidAppFactory.Contains(raw, "safe_"), "the contact is in the database file");
        Assert.False(LegalAidAppFactory.Contains(raw, "WhatHappened"), "a field name of the sealed JSON is in the database file");

        // ...and yet the Group reads it with the passphrase.
        await using var scope = app.Services.CreateAsyncScope();
        using var ring = await scope.ServiceProvider.GetRequiredService<LegalAidKeys>().UnlockAsync(LegalAidAppFactory.Passphrase);
        var content = LegalAidRequests.Read(ring!.Open(stored.KeyId, new SealedData(stored.WrappedKey, stored.Ciphertext), LegalAidCrypto.Context("request", stored.Id)));
        Assert.Equal(new LegalAidContent(contact, "sughd", Concerns.Relative, story, Urgent: true, Consent: true), content);
    }

    [Fact]
    public async Task Send_TellsTheInboxAddress_WithoutAnyContent()
    {
        await app.EnsureKeyAsync();
        app.ClearMail();
        var marker = Guid.NewGuid().ToString("N");
        using var browser = app.CreateBrowser();

        using var response = await app.SubmitRequestAsync(browser, "en", new() { ["Form.Contact"] = $"mail {marker}@example.org", ["Form.WhatHappened"] = $"Story {marker}" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await app.WaitForMailAsync(LegalAidAppFactory.NotificationAddress);
        Assert.Equal("Новое обращение за юридической помощью", mail.Subject);
        var text = mail.TextBody;
        Assert.Contains("поступило новое обращение", text, StringComparison.Ordinal);
        Assert.Contains("http://localhost/admin/legal-aid", text, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Story", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signal", text, StringComparison.Ordinal);
        var whole = mail.ToString();
        Assert.DoesNotContain(marker, whole, StringComparison.Ordinal);
        Assert.DoesNotContain("Story", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("sughd", whole, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Согд", whole, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);

        // Other tests' notifications may still be on their way through the queue: none of them may hold this text either.
        Assert.All(app.ReceivedMail, m => Assert.DoesNotContain(marker, m.Data, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_TooLongAndWithoutConsent_ShowsMessages_AndKeepsTheTypedText()
    {
        await app.EnsureKeyAsync();
        var before = (await app.RequestsAsync()).Count;
        var marker = Guid.NewGuid().ToString("N");
        var tooLong = marker + new string('а', 5001 - marker.Length);
        using var browser = app.CreateBrowser();

        using var response = await app.SubmitRequestAsync(browser, "en", new() { ["Form.WhatHappened"] = tooLong, ["Form.Consent"] = "false", ["Form.Contact"] = "via my aunt " + marker });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var page = await response.ParseAsync();
        var errors = page.Text(".form-errors")!;
        Assert.Contains("What happened? field must be at most 5000 characters long", errors, StringComparison.Ordinal);
        Assert.Contains("Please agree to be contacted", errors, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector("textarea[name='Form.WhatHappened']")!.TextContent);
        Assert.Equal("via my aunt " + marker, page.QuerySelector("textarea[name='Form.Contact']")!.TextContent);
        Assert.Equal("sughd", page.QuerySelector("select[name='Form.Region'] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Form.Concerns'][value='relative'][checked]"));
        Assert.Equal(before, (await app.RequestsAsync()).Count);
    }

    [Fact]
    public async Task Send_InRussianWithoutRegion_ShowsARussianMessage()
    {
        await app.EnsureKeyAsync();
        using var browser = app.CreateBrowser();
        using var response = await app.SubmitRequestAsync(browser, "ru", new() { ["Form.Region"] = "atlantis" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите регион.", (await response.ParseAsync()).Text(".form-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithTheHoneypotFilled_LooksSent_ButStoresNothing()
    {
        await app.EnsureKeyAsync();
        var before = (await app.RequestsAsync()).Count;
        using var browser = app.CreateBrowser();
        using var response = await app.SubmitRequestAsync(browser, "en", new() { ["Form.Website"] = "http://spam.example" });
        Assert.Equal("/en/legal-aid/request/sent", response.RedirectPath());
        Assert.Equal(before, (await app.RequestsAsync()).Count);
    }

    [Fact]
    public async Task Send_FasterThanAPerson_AsksToSendAgain_KeepsTheText_AndStoresNothing()
    {
        await app.EnsureKeyAsync();
        var before = (await app.RequestsAsync()).Count;
        using var browser = app.CreateBrowser();
        var page = await browser.GetDocumentAsync("/en/legal-aid/request");
        using var response = await browser.SubmitFormAsync(page, "/en/legal-aid/request", new()
        {
            ["Form.Contact"] = "fast contact",
            ["Form.Region"] = "dushanbe",
            ["Form.Concerns"] = Concerns.Myself,
            ["Form.WhatHappened"] = "written in no time",
            ["Form.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await response.ParseAsync();
        Assert.Contains("Please check your request, then send it again.", again.Text(".notice"), StringComparison.Ordinal);
        Assert.Equal("written in no time", again.QuerySelector("textarea[name='Form.WhatHappened']")!.TextContent);
        Assert.Equal(before, (await app.RequestsAsync()).Count);

        // A person who then sends the kept text gets through, with the fresh start time of the new page.
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        using var second = await browser.SubmitFormAsync(again, "/en/legal-aid/request", new() { ["Form.Consent"] = "true" });
        Assert.Equal("/en/legal-aid/request/sent", second.RedirectPath());
        Assert.Equal(before + 1, (await app.RequestsAsync()).Count);
    }

    [Fact]
    public async Task Send_WithoutAStartTime_IsTakenForARobot()
    {
        await app.EnsureKeyAsync();
        var before = (await app.RequestsAsync()).Count;
        using var browser = app.CreateBrowser();
        using var response = await app.SubmitRequestAsync(browser, "en", new() { ["Form.Started"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, (await app.RequestsAsync()).Count);
    }

    private static readonly HashSet<Guid> RequestIdsBefore = [];
}

/// <summary>Before the Legal Aid Group has set up its key.</summary>
public sealed class LegalAidWithoutKeyTests(CoalitionAppFactory app) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Form_WithoutAKey_SaysTemporarilyUnavailable_WithThePhone_AndStoresNothing()
    {
        using var browser = app.CreateBrowser();
        var page = await browser.GetDocumentAsync("/en/legal-aid/request");
        Assert.Contains("The request form is temporarily unavailable.", page.Text(".notice"), StringComparison.Ordinal);
        Assert.Contains("+992 00 000 0000", page.Text(".notice"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea"));

        // A POST all the same (an old page, a robot) stores nothing, encrypted or not.
        using var post = await browser.PostFormAsync("/account/login", "/en/legal-aid/request", new()
        {
            ["Form.Contact"] = "call me",
            ["Form.Region"] = "dushanbe",
            ["Form.Concerns"] = Concerns.Myself,
            ["Form.WhatHappened"] = "something happened",
            ["Form.Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("temporarily unavailable", (await post.ParseAsync()).Text(".notice"), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidRequests.CountAsync()));
    }
}

/// <summary>With <c>RateLimits:LegalAidRequestPermitLimit=2</c>.</summary>
public sealed class LegalAidRateLimitTests(LegalAidRateLimitTests.Factory app) : IClassFixture<LegalAidRateLimitTests.Factory>
{
    [Fact]
    public async Task Send_OverTheLimit_Gets429_WithRetryAfter_InTheVisitorsLanguage_AndIsNotStored()
    {
        await app.EnsureKeyAsync();
        using var browser = app.CreateBrowser("tg");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await app.SubmitRequestAsync(browser, "tg");
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await app.SubmitRequestAsync(browser, "tg");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        Assert.Equal("tg", (await refused.ParseAsync()).DocumentElement.GetAttribute("lang"));
        Assert.Equal(2, (await app.RequestsAsync()).Count);
    }

    public sealed class Factory() : LegalAidAppFactory(new Dictionary<string, string?> { ["RateLimits:LegalAidRequestPermitLimit"] = "2" });
}
