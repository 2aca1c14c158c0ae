using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Demo;

public sealed class DemoCampaignSeederTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    [Fact]
    public async Task DemoSeed_HasTheFourCampaigns_WithTranslationsStoriesMaterialsAndMessages()
    {
        var campaigns = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().ToListAsync());
        var groups = campaigns.GroupBy(c => c.TranslationGroupId).ToList();

        Assert.Equal([(2020, CampaignDay.June26), (2020, CampaignDay.December10), (2021, CampaignDay.June26), (2021, CampaignDay.December10)],
            groups.Select(g => (g.First().Year, g.First().Day)).Order());
        Assert.All(groups, g => Assert.Subset(g.Select(c => c.Culture).ToHashSet(), new HashSet<string> { "ru", "en" }));
        Assert.True(groups.Count(g => g.Any(c => c.Culture == "tg")) >= 2);
        foreach (var group in groups)
        {
            var stories = await factory.QueryDbAsync(db => db.News.CountAsync(n => n.CampaignGroupId == group.Key && n.Culture == "ru"));
            Assert.InRange(stories, 2, 3);
            Assert.All(group, c => Assert.Contains(c.Materials, m => m.DocumentId is not null));
            var messages = await factory.QueryDbAsync(db => db.SupportMessages.Where(m => m.CampaignGroupId == group.Key).Select(m => m.Status).ToListAsync());
            Assert.Contains(SupportMessageStatus.Approved, messages);
            Assert.Contains(SupportMessageStatus.Waiting, messages);
        }
    }

    [Fact]
    public async Task DemoSeed_EveryCampaignPageAndItsLeaflet_Answer200()
    {
        var campaigns = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().Select(c => new { c.Culture, c.Slug }).ToListAsync());
        using var client = factory.CreateBrowser();
        foreach (var c in campaigns)
        {
            var page = await client.GetDocumentAsync($"/{c.Culture}/campaigns/{c.Slug}");
            // Stories are listed in the page's language: not every demo article has every translation.
            Assert.True(c.Culture == "tg" || page.QuerySelectorAll(".story-list a").Length >= 1, $"/{c.Culture}/campaigns/{c.Slug} lists its stories");
            var leaflet = page.QuerySelectorAll(".material-list a[download]").First().GetAttribute("href")!;
            using var file = await client.GetAsync(new Uri(leaflet, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        var archive = await client.GetDocumentAsync("/tg/campaigns");
        Assert.Equal(3, archive.QuerySelectorAll(".card-title a").Length);
    }
}
