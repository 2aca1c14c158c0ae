using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Campaigns;

/// <summary>Campaigns, stories and messages made through the app's own services, for the campaign tests.</summary>
public static class CampaignFixtures
{
    public static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    /// <summary>The value of the textarea with this id, as the browser would send it.</summary>
    public static string TextArea(AngleSharp.Dom.IParentNode page, string id) =>
        ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("#" + id)!).Value;

    public static string Input(AngleSharp.Dom.IParentNode page, string id) =>
        ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#" + id)!).Value;

    /// <summary>A campaign made with the shared editor; its window is given in UTC (stored as Dushanbe time in the fields).</summary>
    public static async Task<Campaign> CreateCampaignAsync(
        this CoalitionAppFactory factory,
        string title,
        DateTime windowStartUtc,
        DateTime windowEndUtc,
        bool publish = true,
        string culture = "en",
        int year = 2026,
        CampaignDay day = CampaignDay.June26,
        IEnumerable<MaterialField>? materials = null,
        Guid? translationGroupId = null,
        string body = "Text of the campaign in 2026.")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.QueryAsync(async services =>
        {
            var editor = services.GetRequiredService<ContentEditor<Campaign>>();
            var fields = new CampaignFields
            {
                Year = year,
                Day = day,
                WindowStart = DushanbeTime.ToLocal(windowStartUtc),
                WindowEnd = DushanbeTime.ToLocal(windowEndUtc),
                ThemeLine = "Theme of " + title,
                Materials = materials?.ToList() ?? [],
            };
            var result = await editor.CreateAsync(new ContentInput(culture, title, null, "Summary of " + title, body, 0, Fields: fields),
                publish ? SaveAction.Publish : SaveAction.Draft, userId: null, translationGroupId);
            Assert.True(result.Succeeded, $"campaign '{title}': {result.Outcome} {result.Field} {result.Detail}");
            return (await editor.FindAsync(result.Id))!;
        });
    }

    /// <summary>Links news article <paramref name="articleId"/> to the campaign, as the article's "Campaign" field does.</summary>
    public static Task LinkStoryAsync(this CoalitionAppFactory factory, int articleId, Campaign campaign) =>
        factory.ExecuteDbAsync(async db =>
        {
            var article = await db.News.SingleAsync(n => n.Id == articleId);
            article.CampaignGroupId = campaign.TranslationGroupId;
            await db.SaveChangesAsync();
        });

    public static Task<int> AddMessageAsync(this CoalitionAppFactory factory, Campaign campaign, string text, SupportMessageStatus status = SupportMessageStatus.Waiting, string? name = null, DateTime? createdUtc = null) =>
        factory.QueryDbAsync(async db =>
        {
            var message = new SupportMessage
            {
                CampaignGroupId = campaign.TranslationGroupId,
                Culture = campaign.Culture,
                FirstName = name,
                Text = text,
                Status = status,
                CreatedUtc = createdUtc ?? factory.UtcNow,
                DecidedUtc = status == SupportMessageStatus.Waiting ? null : factory.UtcNow,
            };
            db.SupportMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

    public static Task<SupportMessage?> MessageAsync(this CoalitionAppFactory factory, int id) =>
        factory.QueryDbAsync(db => db.SupportMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    /// <summary>Publishes an article at <paramref name="publishedUtc"/> directly (the stories' order is by this time).</summary>
    public static Task SetPublishedAsync(this CoalitionAppFactory factory, int articleId, DateTime publishedUtc) =>
        factory.ExecuteDbAsync(async db =>
        {
            var article = await db.News.SingleAsync(n => n.Id == articleId);
            article.Status = PublicationStatus.Published;
            article.PublishedUtc = publishedUtc;
            await db.SaveChangesAsync();
        });
}
