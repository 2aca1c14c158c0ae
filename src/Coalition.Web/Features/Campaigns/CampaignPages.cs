using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Campaigns;

/// <summary>What the public sees of campaigns: the archive, one campaign's page, and the campaign running now.</summary>
public sealed class CampaignPages(CoalitionDbContext db, MediaQueries media, MessageFormGuard guard, TimeProvider clock, PublicMemo memo)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every visible campaign in <paramref name="culture"/>, newest year first.</summary>
    public async Task<IReadOnlyList<CampaignYear>> ArchiveAsync(string culture, CancellationToken ct = default)
    {
        var rows = await db.Campaigns.AsNoTracking().Where(c => c.Culture == culture).VisibleToPublic(Now)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Day).ThenByDescending(c => c.WindowStartUtc)
            .Select(c => new { c.Culture, c.Slug, c.Title, c.ThemeLine, c.Year, c.Day, c.CoverMediaId })
            .ToListAsync(ct);
        var covers = await media.ImagesAsync(rows.Where(r => r.CoverMediaId is not null).Select(r => r.CoverMediaId!.Value), culture, ct);
        return rows
            .Select(r => new CampaignCard(r.Culture, r.Slug, r.Title, r.ThemeLine, r.Year, r.Day,
                r.CoverMediaId is { } id && covers.TryGetValue(id, out var cover) ? cover : null))
            .GroupBy(c => c.Year)
            .Select(g => new CampaignYear(g.Key, g.ToList()))
            .ToList();
    }

    /// <summary>
    /// The visible campaign in <paramref name="culture"/> whose window is open at this moment (start inclusive, end
    /// exclusive); the latest-starting one when windows overlap. Read at request time: no job, no restart.
    /// </summary>
    public async Task<ActiveCampaignViewModel?> ActiveAsync(string culture, bool lead, CancellationToken ct = default)
    {
        // Every public page asks this: remembered until content changes, a window opens or closes, or 30 s pass.
        var row = await memo.GetAsync("active-campaign", culture, Caching.CacheTags.Culture(culture), () =>
        {
            var now = Now;
            return db.Campaigns.AsNoTracking()
                .Where(c => c.Culture == culture && c.WindowStartUtc <= now && c.WindowEndUtc > now)
                .VisibleToPublic(now)
                .OrderByDescending(c => c.WindowStartUtc).ThenByDescending(c => c.Id)
                .Select(c => new ActiveRow(c.Culture, c.Slug, c.Title, c.ThemeLine, c.Year, c.Day, c.CoverMediaId, c.Summary))
                .FirstOrDefaultAsync(ct);
        }, ct);
        if (row is null)
        {
            return null;
        }

        var cover = lead ? await media.ImageAsync(row.CoverMediaId, culture, ct) : null;
        return new ActiveCampaignViewModel(new CampaignCard(row.Culture, row.Slug, row.Title, row.ThemeLine, row.Year, row.Day, cover), lead, row.Summary);
    }

    /// <summary>The page of <paramref name="campaign"/> (a live item or a draft rebuilt for a preview), with the message form as typed.</summary>
    public async Task<CampaignPageViewModel> PageAsync(Campaign campaign, SupportMessageForm? form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var now = Now;
        var stories = await StoriesAsync(campaign.TranslationGroupId, campaign.Culture, ct);
        var messages = await db.SupportMessages.AsNoTracking()
            .Where(m => m.CampaignGroupId == campaign.TranslationGroupId && m.Status == SupportMessageStatus.Approved)
            .OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Take(200)
            .Select(m => new MessageView(m.FirstName, m.Town, m.Text, m.Culture, m.CreatedUtc))
            .ToListAsync(ct);
        form ??= new SupportMessageForm();
        form.Started = guard.NewToken();
        form.Website = null;
        return new CampaignPageViewModel(
            campaign.Culture,
            campaign.Slug,
            campaign.Title,
            campaign.Summary,
            campaign.BodyHtml,
            campaign.Year,
            campaign.Day,
            campaign.ThemeLine,
            await media.ImageAsync(campaign.CoverMediaId, campaign.Culture, ct),
            await MaterialsAsync(campaign.Materials, ct),
            stories,
            messages,
            form);
    }

    /// <summary>The visible news articles linked to the campaign, in its language, in publication order.</summary>
    public async Task<IReadOnlyList<ContentSummary>> StoriesAsync(Guid campaignGroupId, string culture, CancellationToken ct = default) =>
        await db.News.AsNoTracking()
            .Where(n => n.CampaignGroupId == campaignGroupId && n.Culture == culture)
            .VisibleToPublic(Now)
            .OrderBy(n => n.PublishedUtc).ThenBy(n => n.Id)
            .Select(n => new ContentSummary(n.Id, n.Culture, n.Slug, n.Title, n.Summary, n.PublishedUtc!.Value))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<MaterialView>> MaterialsAsync(IReadOnlyList<CampaignMaterial> materials, CancellationToken ct)
    {
        var ids = materials.SelectMany(m => new[] { m.DocumentId, m.ImageId }).OfType<int>().Distinct().ToList();
        var files = ids.Count == 0
            ? new Dictionary<int, MediaItem>()
            : await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var views = new List<MaterialView>(materials.Count);
        foreach (var m in materials)
        {
            if (m.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            {
                views.Add(new MaterialView(m.Label, uri.AbsoluteUri, External: true, null, null, uri.Host));
            }
            else if ((m.DocumentId ?? m.ImageId) is { } id && files.TryGetValue(id, out var file)
                && file.Kind == (m.DocumentId is null ? MediaKind.Image : MediaKind.Document))
            {
                var format = MediaFormats.FromName(file.Format);
                var isImage = file.Kind == MediaKind.Image;
                var link = isImage ? LargestJpeg(file) : MediaUrls.Of(file);
                views.Add(new MaterialView(m.Label, link, External: false, isImage ? "JPEG" : format?.Label ?? file.Format.ToUpperInvariant(),
                    isImage ? null : file.SizeBytes, null, file.Width, file.Height));
            }
        }

        return views;
    }

    private static string LargestJpeg(MediaItem image) =>
        MediaUrls.Variant(image.StorageKey, MediaImage.ParseWidths(image.VariantWidths)[^1], "jpg");

    private sealed record ActiveRow(string Culture, string Slug, string Title, string? ThemeLine, int Year, CampaignDay Day, int? CoverMediaId, string? Summary);
}
