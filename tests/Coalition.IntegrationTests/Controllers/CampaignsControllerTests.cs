using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Campaigns;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using static Coalition.IntegrationTests.Features.Campaigns.CampaignFixtures;

namespace Coalition.IntegrationTests.Controllers;

public sealed class CampaignsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static readonly DateTime PastStart = new(2021, 6, 12, 19, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PastEnd = new(2021, 7, 10, 19, 0, 0, DateTimeKind.Utc);

    private Task<Campaign> PastCampaignAsync(string title, bool publish = true, int year = 2021, CampaignDay day = CampaignDay.June26, IEnumerable<MaterialField>? materials = null) =>
        factory.CreateCampaignAsync(title, PastStart, PastEnd, publish, year: year, day: day, materials: materials);

    /// <summary>Opens the campaign page, waits as a person would, and sends the message form with <paramref name="fields"/>.</summary>
    private async Task<HttpResponseMessage> SendMessageAsync(Browser client, Campaign campaign, Dictionary<string, string> fields, TimeSpan? wait = null)
    {
        var page = await client.GetDocumentAsync($"/en/campaigns/{campaign.Slug}");
        factory.Clock.Advance(wait ?? TimeSpan.FromSeconds(10));
        return await client.SubmitFormAsync(page, $"/en/campaigns/{campaign.Slug}/messages#message-form", fields);
    }

    [Fact]
    public async Task Index_ListsPublishedCampaignsByYear_NotDrafts()
    {
        var live = await PastCampaignAsync(Unique("Live campaign"), year: 2021);
        var older = await PastCampaignAsync(Unique("Older campaign"), year: 2020, day: CampaignDay.December10);
        var draft = await PastCampaignAsync(Unique("Draft campaign"), publish: false);

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/en/campaigns");

        var titles = page.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains(live.Title, titles);
        Assert.Contains(older.Title, titles);
        Assert.DoesNotContain(draft.Title, titles);
        var years = page.QuerySelectorAll("section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.True(years.IndexOf("2021") < years.IndexOf("2020"), "newest year first");
        var olderCard = page.QuerySelectorAll(".card").Single(c => c.TextContent.Contains(older.Title, StringComparison.Ordinal));
        Assert.Contains("10 December 2020", olderCard.TextContent, StringComparison.Ordinal);
        Assert.Contains(older.ThemeLine!, olderCard.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/en/campaigns/{draft.Slug}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Show_ListsItsStoriesInPublicationOrder_OnlyVisibleOnes()
    {
        var campaign = await PastCampaignAsync(Unique("Stories campaign"));
        var later = await factory.CreateNewsAsync(Unique("Later story"), publish: true, culture: "en");
        var earlier = await factory.CreateNewsAsync(Unique("Earlier story"), publish: true, culture: "en");
        var draft = await factory.CreateNewsAsync(Unique("Draft story"), publish: false, culture: "en");
        var unrelated = await factory.CreateNewsAsync(Unique("Unrelated"), publish: true, culture: "en");
        foreach (var id in new[] { later.Id, earlier.Id, draft.Id })
        {
            await factory.LinkStoryAsync(id, campaign);
        }

        await factory.SetPublishedAsync(later.Id, factory.UtcNow.AddDays(-1));
        await factory.SetPublishedAsync(earlier.Id, factory.UtcNow.AddDays(-3));

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/en/campaigns/{campaign.Slug}");

        var stories = page.QuerySelectorAll(".story-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/en/news/{earlier.Slug}", $"/en/news/{later.Slug}"], stories);
        Assert.DoesNotContain($"/en/news/{unrelated.Slug}", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Materials_DocumentWithTypeAndSize_LinkAsPlainLink()
    {
        using var editor = await factory.SignedInClientAsync(Coalition.Web.Features.Accounts.Roles.Editor);
        using (var upload = await CoalitionAppFactory.UploadAsync(editor, MediaFixturesPdf(), "leaflet.pdf", altEn: null))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var pdf = await factory.QueryDbAsync(db => db.Media.AsNoTracking().OrderByDescending(m => m.Id).FirstAsync(m => m.Kind == MediaKind.Document));
        var campaign = await PastCampaignAsync(Unique("Materials campaign"), materials:
        [
            new MaterialField { Label = "Our leaflet", DocumentId = pdf.Id },
            new MaterialField { Label = "Our video", Url = "https://video.example.org/watch/42" },
        ]);

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/en/campaigns/{campaign.Slug}");

        var items = page.QuerySelectorAll(".material-list li").ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Our leaflet", items[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("PDF", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("KB", items[0].TextContent, StringComparison.Ordinal);
        var download = items[0].QuerySelector("a")!;
        Assert.True(download.HasAttribute("download"));
        using (var file = await client.GetAsync(new Uri(download.GetAttribute("href")!, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal("https://video.example.org/watch/42", items[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("video.example.org", items[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("iframe, video, audio, embed, object"));
        var stored = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id));
        Assert.Contains($"|{pdf.Id}|", stored.MediaRefs, StringComparison.Ordinal);
    }

    private static byte[] MediaFixturesPdf() => Coalition.Tests.Media.MediaFixtures.PdfWithAuthor();

    [Fact]
    public async Task Banner_ShowsFromTheFirstMinuteOfTheWindowUntilItsLast()
    {
        var start = factory.UtcNow.AddMinutes(10);
        var end = start.AddMinutes(30);
        var campaign = await factory.CreateCampaignAsync(Unique("Window campaign"), start, end);
        var link = $".campaign-banner a[href='/en/campaigns/{campaign.Slug}']";
        async Task<bool> BannerAsync(string path = "/en/news")
        {
            using var client = factory.CreateBrowser();
            var page = await client.GetDocumentAsync(path);
            return page.QuerySelector(link) is not null;
        }

        factory.Clock.Advance(start - factory.UtcNow - TimeSpan.FromMinutes(1));
        Assert.False(await BannerAsync(), "one minute before the window");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await BannerAsync(), "at the window's first minute");
        Assert.True(await BannerAsync("/en/about"), "on every public page");
        factory.Clock.Advance(end - factory.UtcNow - TimeSpan.FromMinutes(1));
        Assert.True(await BannerAsync(), "in the window's last minute");
        using (var client = factory.CreateBrowser())
        {
            var home = await client.GetDocumentAsync("/en");
            Assert.Equal($"/en/campaigns/{campaign.Slug}", home.QuerySelector("#campaign-lead-title a")?.GetAttribute("href"));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await BannerAsync(), "when the window closes");
        using (var client = factory.CreateBrowser())
        {
            var home = await client.GetDocumentAsync("/en");
            Assert.DoesNotContain($"/en/campaigns/{campaign.Slug}", home.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Banner_DraftCampaignInItsWindow_NotShown()
    {
        var campaign = await factory.CreateCampaignAsync(Unique("Draft window"), factory.UtcNow.AddMinutes(-5), factory.UtcNow.AddDays(1), publish: false);
        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync("/en/news");
        Assert.Null(page.QuerySelector($".campaign-banner a[href='/en/campaigns/{campaign.Slug}']"));
    }

    [Fact]
    public async Task Banner_CampaignPublishedHere_ShownOnTheNextPageAtOnce()
    {
        using (var client = factory.CreateBrowser())
        {
            await client.GetDocumentAsync("/en/news"); // the memo now knows the running campaign (or that none runs)
        }

        var campaign = await factory.CreateCampaignAsync(Unique("Published here"), factory.UtcNow.AddMinutes(-5), factory.UtcNow.AddDays(1));

        using (var client = factory.CreateBrowser())
        {
            Assert.NotNull((await client.GetDocumentAsync("/en/news")).QuerySelector($".campaign-banner a[href='/en/campaigns/{campaign.Slug}']"));
        }
    }

    [Fact]
    public async Task Banner_CampaignPublishedOnAnotherInstance_ShownWithinTheRecheck()
    {
        // The running campaign is remembered between page views; a change saved by another instance raises no event
        // here, so it must show once the memo's recheck time has passed, without a restart (first on a page never asked
        // for before, so nothing cached is involved).
        // A running campaign that closes first: the language's next moment stays the same, so nothing but the memo
        // can notice the change.
        await factory.CreateCampaignAsync(Unique("Closes first"), factory.UtcNow.AddMinutes(-10), factory.UtcNow.AddHours(2));
        var campaign = await factory.CreateCampaignAsync(Unique("Other instance"), factory.UtcNow.AddMinutes(-5), factory.UtcNow.AddDays(1), publish: false);
        var link = $".campaign-banner a[href='/en/campaigns/{campaign.Slug}']";
        using (var client = factory.CreateBrowser())
        {
            Assert.Null((await client.GetDocumentAsync("/en/search?q=" + Unique("before"))).QuerySelector(link));
            Assert.Null((await client.GetDocumentAsync("/en/news")).QuerySelector(link));
        }

        var now = factory.UtcNow;
        await factory.ExecuteDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, PublicationStatus.Published)
            .SetProperty(c => c.PublishedUtc, now.AddMinutes(-1))
            .SetProperty(c => c.Version, c => c.Version + 1)));
        factory.Clock.Advance(Coalition.Web.Features.Caching.ContentSchedule.Recheck + TimeSpan.FromSeconds(1));

        using (var client = factory.CreateBrowser())
        {
            Assert.NotNull((await client.GetDocumentAsync("/en/search?q=" + Unique("after"))).QuerySelector(link));
            // Pages this instance cached meanwhile (in a shared store, other instances' visitors get them) are evicted
            // when it notices: the news list, cached before with the old banner, shows the new one.
            Assert.NotNull((await client.GetDocumentAsync("/en/news")).QuerySelector(link));
        }
    }

    [Fact]
    public async Task Message_Accepted_WaitsForModeration_ThankYouShown()
    {
        var campaign = await PastCampaignAsync(Unique("Message campaign"));
        var text = Unique("We stand with you");
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["FirstName"] = "Nigora", ["Town"] = "Khujand", ["Text"] = text });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var thanks = await client.FollowAsync(response);
        var page = await thanks.ParseAsync();
        Assert.Equal("Thank you: your message will appear after moderation.", page.Text(".message-form .notice"));
        Assert.DoesNotContain(text, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var stored = await factory.QueryDbAsync(db => db.SupportMessages.AsNoTracking().SingleAsync(m => m.Text == text));
        Assert.Equal(SupportMessageStatus.Waiting, stored.Status);
        Assert.Equal(("Nigora", "Khujand", "en", campaign.TranslationGroupId), (stored.FirstName, stored.Town, stored.Culture, stored.CampaignGroupId));
    }

    [Fact]
    public void SupportMessage_HasNoColumnForAddressesOrBrowsers()
    {
        var columns = typeof(SupportMessage).GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.Ordinal) || c.Contains("Agent", StringComparison.Ordinal) || c.Contains("Mail", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Write your message before sending it.")]
    [InlineData("   \n  ", "Write your message before sending it.")]
    [InlineData("https://spam.example.com/buy www.example.net", "A message cannot be only links. Please write a few words.")]
    [InlineData("example.org/a, example.com!", "A message cannot be only links. Please write a few words.")]
    public async Task Message_Refused_TextKeptWithTheReason(string text, string reason)
    {
        var campaign = await PastCampaignAsync(Unique("Refusals campaign"));
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["FirstName"] = "Farrukh", ["Text"] = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(reason, page.Text(".message-form .form-errors"), StringComparison.Ordinal);
        Assert.Equal(string.IsNullOrWhiteSpace(text) ? "" : text, TextArea(page, "Text")); // blank is nothing to keep
        Assert.Equal("Farrukh", Input(page, "FirstName"));
        Assert.False(await factory.QueryDbAsync(db => db.SupportMessages.AnyAsync(m => m.CampaignGroupId == campaign.TranslationGroupId)));
    }

    [Fact]
    public async Task Message_TooLong_RefusedWithTheTextKept()
    {
        var campaign = await PastCampaignAsync(Unique("Long campaign"));
        var text = new string('д', 1001);
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("at most 1,000 characters", page.Text(".message-form .form-errors"), StringComparison.Ordinal);
        Assert.Equal(text, TextArea(page, "Text"));
    }

    [Fact]
    public async Task Message_ExactlyAThousandCharactersWithWindowsLineBreaks_Accepted()
    {
        var campaign = await PastCampaignAsync(Unique("Thousand campaign"));
        var text = string.Concat(Enumerable.Repeat(new string('a', 99) + "\r\n", 10))[..^2] + "a";
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = text });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Message_SentTooSoonAfterOpeningTheForm_RefusedWithTheTextKept()
    {
        var campaign = await PastCampaignAsync(Unique("Fast campaign"));
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = "Quick but real" }, wait: TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("very quick", page.Text(".message-form .form-errors"), StringComparison.Ordinal);
        Assert.Equal("Quick but real", TextArea(page, "Text"));

        // The page came back with a fresh form time: sending again a little later goes through.
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var again = await client.SubmitFormAsync(page, $"/en/campaigns/{campaign.Slug}/messages#message-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("forged")]
    public async Task Message_WithoutAValidFormTime_Refused(string started)
    {
        var campaign = await PastCampaignAsync(Unique("Forged campaign"));
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = "Hello there", ["Started"] = started });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("open for too long", (await response.ParseAsync()).Text(".message-form .form-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_FormOpenForMoreThanADay_Refused()
    {
        var campaign = await PastCampaignAsync(Unique("Stale campaign"));
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = "Hello there" }, wait: TimeSpan.FromHours(25));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Message_HoneypotFilled_ThankedButNothingStored()
    {
        var campaign = await PastCampaignAsync(Unique("Honeypot campaign"));
        using var client = factory.CreateBrowser();

        using var response = await SendMessageAsync(client, campaign, new() { ["Text"] = "Buy now", ["Website"] = "https://spam.example.com" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.QueryDbAsync(db => db.SupportMessages.AnyAsync(m => m.CampaignGroupId == campaign.TranslationGroupId)));
    }

    [Fact]
    public async Task Message_WithoutAntiforgeryToken_Refused()
    {
        var campaign = await PastCampaignAsync(Unique("Token campaign"));
        using var client = factory.CreateBrowser();

        using var response = await client.PostWithoutTokenAsync($"/en/campaigns/{campaign.Slug}/messages", new() { ["Text"] = "Hello" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Show_ApprovedMessagesOnly_AsPlainTextWithoutLinksOrModerator()
    {
        var campaign = await PastCampaignAsync(Unique("Approved campaign"));
        var approved = "Solidarity! <script>alert(1)</script> see https://example.org";
        await factory.AddMessageAsync(campaign, approved, SupportMessageStatus.Approved, name: "Rustam");
        await factory.AddMessageAsync(campaign, "Waiting message", SupportMessageStatus.Waiting);
        await factory.AddMessageAsync(campaign, "Rejected message", SupportMessageStatus.Rejected);
        await factory.AddMessageAsync(campaign, "Hidden message", SupportMessageStatus.Hidden);

        using var client = factory.CreateBrowser();
        using var response = await client.GetAsync(new Uri($"/en/campaigns/{campaign.Slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var messages = page.QuerySelectorAll(".message-list li").ToList();
        Assert.Single(messages);
        Assert.Equal(approved, messages[0].QuerySelector(".message-text")!.TextContent);
        Assert.Empty(messages[0].QuerySelectorAll("a, script"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Rustam", messages[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting message", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rejected message", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden message", html, StringComparison.Ordinal);
    }
}

/// <summary>The message form with a limit of 2 messages per client in 10 minutes.</summary>
public sealed class LowMessageLimitAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
{
    ["Campaigns:MessagePermitLimit"] = "2",
    ["Campaigns:MessageWindowSeconds"] = "600",
});

public sealed class CampaignMessageLimitTests(LowMessageLimitAppFactory factory) : IClassFixture<LowMessageLimitAppFactory>
{
    [Fact]
    public async Task Message_OverTheLimit_429InTheVisitorsLanguage_TextKept()
    {
        var campaign = await factory.CreateCampaignAsync(Unique("Лимит"), new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2021, 7, 1, 0, 0, 0, DateTimeKind.Utc), culture: "ru");
        using var client = factory.CreateBrowser();
        var action = $"/ru/campaigns/{campaign.Slug}/messages#message-form";
        for (var i = 0; i < 2; i++)
        {
            var form = await client.GetDocumentAsync($"/ru/campaigns/{campaign.Slug}");
            factory.Clock.Advance(TimeSpan.FromSeconds(10));
            using var ok = await client.SubmitFormAsync(form, action, new() { ["Text"] = $"Поддерживаю {i}" });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var page = await client.GetDocumentAsync($"/ru/campaigns/{campaign.Slug}");
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        using var refused = await client.SubmitFormAsync(page, action, new() { ["Text"] = "Третье сообщение", ["Town"] = "Куляб" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        var html = await refused.ParseAsync();
        Assert.Contains("Вы отправили несколько сообщений", html.Text(".message-form .form-errors"), StringComparison.Ordinal);
        Assert.Equal("Третье сообщение", TextArea(html, "Text"));
        Assert.Equal("Куляб", Input(html, "Town"));
        Assert.Equal(2, await factory.QueryDbAsync(db => db.SupportMessages.CountAsync(m => m.CampaignGroupId == campaign.TranslationGroupId)));
    }
}
