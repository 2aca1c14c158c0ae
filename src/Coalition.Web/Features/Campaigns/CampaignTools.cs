using System.Globalization;
using System.Text.RegularExpressions;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.News;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Campaigns;

/// <summary>One article of a story schedule: when it will go live.</summary>
public sealed record PlannedStory(int ArticleId, string Title, DateTime PublishAtUtc);

/// <summary>An article linked to the campaign, in whatever state, for the staff's view of its stories.</summary>
public sealed record LinkedStory(int Id, string Title, PublicState State, DateTime? PublishedUtc);

/// <summary>A draft article that can become a story of the campaign.</summary>
public sealed record DraftStory(int Id, string Title, Guid? CampaignGroupId, DateTime CreatedUtc);

public sealed record NextYearResult(bool Succeeded, int FirstId, int Created, string? Problem = null);

public sealed record ScheduleResult(int Scheduled, IReadOnlyList<(int ArticleId, SaveOutcome Outcome)> Failed);

/// <summary>
/// The staff tools of a campaign beyond the shared editor: next year's campaign from this one, and a story schedule
/// that schedules several draft articles one a day. Both go through <see cref="ContentEditor{T}"/>, so revisions,
/// slugs, media checks and the audit log work as for any save.
/// </summary>
public sealed partial class CampaignTools(
    CoalitionDbContext db,
    ContentEditor<Campaign> campaigns,
    ContentEditor<NewsArticle> news,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>What a copied title starts with, in its language, until an editor rewrites it.</summary>
    public static readonly IReadOnlyDictionary<string, string> TitleMarks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ru"] = "[ПРОВЕРИТЬ] ",
        ["tg"] = "[САНҶЕД] ",
        ["en"] = "[TO EDIT] ",
    };

    private static ContentDefinition Definition => ContentTypes.For<Campaign>();

    public Task<Campaign?> FindAsync(int id, CancellationToken ct = default) =>
        db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.DeletedUtc == null, ct);

    /// <summary>
    /// Creates next year's campaign: one linked draft per translation of <paramref name="campaignId"/>, with the text,
    /// materials and window moved one year forward (every whole-word mention of the year becomes the next), each title
    /// marked for editing. Stories and messages stay with this year's campaign.
    /// </summary>
    public async Task<NextYearResult> StartNextYearAsync(int campaignId, string? userId)
    {
        var source = await FindAsync(campaignId);
        if (source is null)
        {
            return new NextYearResult(false, 0, 0, "NotFound");
        }

        var translations = await db.Campaigns.AsNoTracking()
            .Where(c => c.TranslationGroupId == source.TranslationGroupId && c.DeletedUtc == null)
            .ToListAsync();
        // The item the editor started from goes first: it is where they are taken afterwards.
        translations = translations.OrderBy(c => c.Id == source.Id ? 0 : 1).ThenBy(c => SiteCultures.All.ToList().IndexOf(c.Culture)).ToList();

        var group = Guid.NewGuid();
        var firstId = 0;
        foreach (var item in translations)
        {
            var copy = await campaigns.WorkingCopyAsync(item);
            var fields = (CampaignFields)Definition.Deserialize(Definition.Serialize(copy.Fields));
            var from = fields.Year;
            var to = from + 1;
            fields.Year = to;
            fields.WindowStart = fields.WindowStart?.AddYears(1);
            fields.WindowEnd = fields.WindowEnd?.AddYears(1);
            fields.ThemeLine = MoveYear(fields.ThemeLine, from);
            foreach (var material in fields.Materials)
            {
                material.Label = MoveYear(material.Label, from);
            }

            var title = MoveYear(copy.Title, from)!;
            var mark = TitleMarks.GetValueOrDefault(item.Culture, TitleMarks["en"]);
            title = (mark + title)[..Math.Min(mark.Length + title.Length, 300)];
            var input = new ContentInput(item.Culture, title, await FreeSlugAsync(item.Culture, MoveYear(copy.Slug, from)!, to), MoveYear(copy.Summary, from),
                MoveYear(copy.Body, from)!, Version: 0, Fields: fields);
            var result = await campaigns.CreateAsync(input, SaveAction.Draft, userId, translationGroupId: group);
            if (!result.Succeeded)
            {
                return new NextYearResult(false, firstId, firstId == 0 ? 0 : 1, result.Outcome.ToString());
            }

            firstId = firstId == 0 ? result.Id : firstId;
        }

        audit.Add(AuditActions.CampaignNextYear, nameof(Campaign), firstId.ToString(CultureInfo.InvariantCulture),
            $"#{source.Id} → #{firstId} ({translations.Count})");
        await db.SaveChangesAsync();
        return new NextYearResult(true, firstId, translations.Count);
    }

    /// <summary>Replaces the year as a whole number (2020, not 120201) with the next one.</summary>
    public static string? MoveYear(string? text, int year) =>
        text is null ? null : Regex.Replace(text, $@"(?<!\d){year}(?!\d)", (year + 1).ToString(CultureInfo.InvariantCulture), RegexOptions.None, TimeSpan.FromSeconds(1));

    private async Task<string?> FreeSlugAsync(string culture, string slug, int year)
    {
        var candidate = slug.Contains(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? slug : $"{slug}-{year}";
        if (candidate.Length > 200 || !SlugGenerator.IsValid(candidate))
        {
            return null;
        }

        return await db.Campaigns.AnyAsync(c => c.Culture == culture && c.Slug == candidate) ? null : candidate;
    }

    /// <summary>Every article of the campaign in its language (drafts, scheduled, live), in publication order.</summary>
    public async Task<IReadOnlyList<LinkedStory>> LinkedStoriesAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.News.AsNoTracking()
            .Where(n => n.CampaignGroupId == campaign.TranslationGroupId && n.Culture == campaign.Culture && n.DeletedUtc == null)
            .OrderBy(n => n.PublishedUtc == null).ThenBy(n => n.PublishedUtc).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Title, n.Status, n.PublishedUtc, n.UnpublishUtc })
            .ToListAsync(ct);
        return rows.Select(r => new LinkedStory(r.Id, r.Title, ContentVisibility.StateOf(r.Status, r.PublishedUtc, r.UnpublishUtc, null, now), r.PublishedUtc)).ToList();
    }

    /// <summary>Draft articles in the campaign's language that could be scheduled as its stories, oldest first.</summary>
    public async Task<IReadOnlyList<DraftStory>> DraftStoriesAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return await db.News.AsNoTracking()
            .Where(n => n.Culture == campaign.Culture && n.DeletedUtc == null && n.Status == PublicationStatus.Draft)
            .Where(n => n.CampaignGroupId == null || n.CampaignGroupId == campaign.TranslationGroupId)
            .OrderBy(n => n.CreatedUtc).ThenBy(n => n.Id)
            .Select(n => new DraftStory(n.Id, n.Title, n.CampaignGroupId, n.CreatedUtc))
            .Take(200)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The plan: the chosen drafts in the order given, one a day at <paramref name="time"/> (Dushanbe) from
    /// <paramref name="firstDay"/>. Null when a chosen article is not one of the drafts, or the first time has passed.
    /// </summary>
    public async Task<IReadOnlyList<PlannedStory>?> PlanAsync(Campaign campaign, IReadOnlyList<int> articleIds, DateOnly firstDay, TimeOnly time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var drafts = (await DraftStoriesAsync(campaign, ct)).ToDictionary(d => d.Id);
        var chosen = articleIds.Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(id => !drafts.ContainsKey(id)))
        {
            return null;
        }

        var plan = chosen.Select((id, day) => new PlannedStory(id, drafts[id].Title, DushanbeTime.ToUtc(firstDay.AddDays(day).ToDateTime(time)))).ToList();
        return plan[0].PublishAtUtc <= clock.GetUtcNow().UtcDateTime ? null : plan;
    }

    /// <summary>Schedules each planned article at its time, linked to the campaign, through the shared editor.</summary>
    public async Task<ScheduleResult> ScheduleAsync(Campaign campaign, IReadOnlyList<PlannedStory> plan, string? userId)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(plan);
        var failed = new List<(int, SaveOutcome)>();
        foreach (var story in plan)
        {
            var article = await news.FindAsync(story.ArticleId);
            if (article is null)
            {
                failed.Add((story.ArticleId, SaveOutcome.NotFound));
                continue;
            }

            var copy = await news.WorkingCopyAsync(article);
            var fields = (NewsFields)copy.Fields;
            fields.CampaignGroupId = campaign.TranslationGroupId;
            var input = new ContentInput(article.Culture, copy.Title, copy.Slug, copy.Summary, copy.Body, article.Version,
                PublishAtUtc: story.PublishAtUtc, UnpublishAtUtc: article.UnpublishUtc, Fields: fields, Confirmed: true);
            var result = await news.UpdateAsync(article.Id, input, SaveAction.Schedule, userId);
            if (!result.Succeeded)
            {
                failed.Add((story.ArticleId, result.Outcome));
            }
        }

        var scheduled = plan.Count - failed.Count;
        audit.Add(AuditActions.CampaignStorySchedule, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture),
            $"[{campaign.Culture}] {campaign.Title}: {scheduled} of {plan.Count}");
        await db.SaveChangesAsync();
        return new ScheduleResult(scheduled, failed);
    }
}
