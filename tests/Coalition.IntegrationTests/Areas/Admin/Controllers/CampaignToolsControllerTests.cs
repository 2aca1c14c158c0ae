using System.Globalization;
using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Campaigns;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using static Coalition.IntegrationTests.Features.Campaigns.CampaignFixtures;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>A campaign's tools: next year's campaign, and the story schedule.</summary>
public sealed class CampaignToolsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static readonly DateTime Start = new(2021, 6, 11, 19, 0, 0, DateTimeKind.Utc); // 12 June 2021, 00:00 in Dushanbe
    private static readonly DateTime End = new(2021, 7, 10, 19, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task NextYear_CreatesLinkedDraftsOneYearOn_WithoutStoriesOrMessages()
    {
        var title = Unique("26 June 2021: the voice of victims");
        var en = await factory.CreateCampaignAsync(title, Start, End, year: 2021, body: "In 2021 we ask: 2021 is the year. Not 120215.",
            materials: [new MaterialField { Label = "Video 2021", Url = "https://video.example.org/2021" }]);
        var ru = await factory.CreateCampaignAsync(Unique("26 июня 2021: голос пострадавших"), Start, End, culture: "ru", year: 2021, translationGroupId: en.TranslationGroupId);
        var story = await factory.CreateNewsAsync(Unique("Story"), publish: true, culture: "en");
        await factory.LinkStoryAsync(story.Id, en);
        await factory.AddMessageAsync(en, "Approved last year", SupportMessageStatus.Approved);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostFormAsync($"/admin/campaign-tools/{en.Id}", $"/admin/campaign-tools/{en.Id}/next-year", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.Matches("^/admin/campaigns/[0-9]+/edit$", location);
        var copyId = int.Parse(location.Split('/')[3], CultureInfo.InvariantCulture);
        var group = await factory.QueryDbAsync(db => db.Campaigns.Where(c => c.Id == copyId).Select(c => c.TranslationGroupId).SingleAsync());
        var copies = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().Where(c => c.TranslationGroupId == group).ToListAsync());
        Assert.NotEqual(en.TranslationGroupId, group);
        Assert.Equal(["en", "ru"], copies.Select(c => c.Culture).Order());
        var copy = copies.Single(c => c.Culture == "en");
        Assert.Equal(copyId, copy.Id);
        Assert.Equal(2022, copy.Year);
        Assert.All(copies, c => Assert.Equal(PublicationStatus.Draft, c.Status));
        Assert.StartsWith("[TO EDIT] 26 June 2022", copy.Title, StringComparison.Ordinal);
        Assert.StartsWith("[ПРОВЕРИТЬ] 26 июня 2022", copies.Single(c => c.Culture == "ru").Title, StringComparison.Ordinal);
        Assert.Equal("In 2022 we ask: 2022 is the year. Not 120215.", copy.BodyMarkdown);
        Assert.Equal((Start.AddYears(1), End.AddYears(1)), (copy.WindowStartUtc, copy.WindowEndUtc));
        Assert.Equal(("Video 2022", "https://video.example.org/2021"), (copy.Materials.Single().Label, copy.Materials.Single().Url));
        Assert.False(await factory.QueryDbAsync(db => db.News.AnyAsync(n => n.CampaignGroupId == copy.TranslationGroupId)));
        Assert.False(await factory.QueryDbAsync(db => db.SupportMessages.AnyAsync(m => m.CampaignGroupId == copy.TranslationGroupId)));
        var original = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == en.Id));
        Assert.Equal((2021, title), (original.Year, original.Title));
        // The copy has its revision, so its fields (window, materials) are in its history like any save.
        Assert.True(await factory.QueryDbAsync(db => db.Revisions.AnyAsync(r => r.ContentType == nameof(Campaign) && r.ItemId == copy.Id && r.FieldsJson!.Contains("Video 2022"))));
    }

    [Fact]
    public async Task StorySchedule_ShowsThePlan_ThenSchedulesOneADayLinkedToTheCampaign()
    {
        var campaign = await factory.CreateCampaignAsync(Unique("Schedule campaign"), Start, End, year: 2021);
        var first = await factory.CreateNewsAsync(Unique("First story"), publish: false, culture: "en");
        var second = await factory.CreateNewsAsync(Unique("Second story"), publish: false, culture: "en");
        var third = await factory.CreateNewsAsync(Unique("Not chosen"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var day = DateOnly.FromDateTime(DushanbeTime.ToLocal(factory.UtcNow)).AddDays(2);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ArticleIds", first.Id.ToString(CultureInfo.InvariantCulture)),
            new("ArticleIds", second.Id.ToString(CultureInfo.InvariantCulture)),
            new("FirstDay", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Time", "09:30"),
        };
        var tools = await editor.GetDocumentAsync($"/admin/campaign-tools/{campaign.Id}");
        Assert.Contains(tools.QuerySelectorAll("input[name=ArticleIds]"), i => i.GetAttribute("value") == third.Id.ToString(CultureInfo.InvariantCulture));
        var token = tools.QuerySelector($"input[name={BrowserExtensions.AntiforgeryField}]")!.GetAttribute("value")!;
        fields.Add(new(BrowserExtensions.AntiforgeryField, token));

        using var planned = await editor.PostAsync(new Uri($"/admin/campaign-tools/{campaign.Id}/schedule/plan", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var plan = await planned.ParseAsync();
        var rows = plan.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(DushanbeTime.FormatDateTime(DushanbeTime.ToUtc(day.ToDateTime(new TimeOnly(9, 30)))), rows[0], StringComparison.Ordinal);
        Assert.Contains(DushanbeTime.FormatDateTime(DushanbeTime.ToUtc(day.AddDays(1).ToDateTime(new TimeOnly(9, 30)))), rows[1], StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Draft, (await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == first.Id))).Status);

        // The confirm form carries the plan in hidden fields (ArticleIds repeats, so it is posted as a list).
        var confirm = plan.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == $"/admin/campaign-tools/{campaign.Id}/schedule");
        var hidden = confirm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Equal(2, hidden.Count(h => h.Key == "ArticleIds"));
        using var confirmed = await editor.PostAsync(new Uri($"/admin/campaign-tools/{campaign.Id}/schedule", UriKind.Relative), new FormUrlEncodedContent(hidden));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        using (var after = await editor.FollowAsync(confirmed))
        {
            Assert.Contains("Scheduled 2 stories.", (await after.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        var stories = await factory.QueryDbAsync(db => db.News.AsNoTracking().Where(n => n.Id == first.Id || n.Id == second.Id || n.Id == third.Id).ToDictionaryAsync(n => n.Id));
        Assert.Equal(DushanbeTime.ToUtc(day.ToDateTime(new TimeOnly(9, 30))), stories[first.Id].PublishedUtc);
        Assert.Equal(DushanbeTime.ToUtc(day.AddDays(1).ToDateTime(new TimeOnly(9, 30))), stories[second.Id].PublishedUtc);
        Assert.All(new[] { stories[first.Id], stories[second.Id] }, s =>
        {
            Assert.Equal(PublicationStatus.Published, s.Status);
            Assert.Equal(campaign.TranslationGroupId, s.CampaignGroupId);
        });
        Assert.Equal((PublicationStatus.Draft, (Guid?)null), (stories[third.Id].Status, stories[third.Id].CampaignGroupId));

        // Not on the campaign page before their time; on it, in order, after.
        using var visitor = factory.CreateBrowser();
        Assert.Empty((await visitor.GetDocumentAsync($"/en/campaigns/{campaign.Slug}")).QuerySelectorAll(".story-list a"));
        factory.Clock.Advance(stories[second.Id].PublishedUtc!.Value - factory.UtcNow + TimeSpan.FromMinutes(1));
        var page = await visitor.GetDocumentAsync($"/en/campaigns/{campaign.Slug}");
        Assert.Equal([$"/en/news/{first.Slug}", $"/en/news/{second.Slug}"], page.QuerySelectorAll(".story-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task StorySchedule_FirstDayInThePast_RefusedAndNothingScheduled()
    {
        var campaign = await factory.CreateCampaignAsync(Unique("Past schedule"), Start, End, year: 2021);
        var article = await factory.CreateNewsAsync(Unique("Late story"), publish: false, culture: "en");
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var yesterday = DateOnly.FromDateTime(DushanbeTime.ToLocal(factory.UtcNow)).AddDays(-1);

        using var response = await editor.PostFormAsync($"/admin/campaign-tools/{campaign.Id}", $"/admin/campaign-tools/{campaign.Id}/schedule", new()
        {
            ["ArticleIds"] = article.Id.ToString(CultureInfo.InvariantCulture),
            ["FirstDay"] = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Time"] = "10:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has passed", (await response.ParseAsync()).Text(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Draft, (await factory.QueryDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == article.Id))).Status);
    }
}
