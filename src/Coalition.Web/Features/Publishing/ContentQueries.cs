using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>What the public may read, for any content type: lists, one item by slug, its translations.</summary>
public sealed class ContentQueries(CoalitionDbContext db, MediaQueries media, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PagedList<ContentSummary>> ListPublicAsync<T>(string culture, int page, int pageSize, CancellationToken ct = default)
        where T : ContentItem
    {
        var query = db.Set<T>().AsNoTracking().Where(x => x.Culture == culture).VisibleToPublic(Now);
        var total = await query.CountAsync(ct);
        var pageCount = PagedList<ContentSummary>.PagesFor(total, pageSize);
        var items = await query
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new ContentSummary(x.Id, x.Culture, x.Slug, x.Title, x.Summary, x.PublishedUtc!.Value))
            .ToListAsync(ct);
        if (typeof(IHasCoverImage).IsAssignableFrom(typeof(T)) && items.Count > 0)
        {
            items = await WithCoversAsync<T>(items, culture, ct);
        }

        return new PagedList<ContentSummary>(items, page, pageCount, total);
    }

    /// <summary>The newest visible items, for the home page: no count, no paging.</summary>
    public async Task<IReadOnlyList<ContentSummary>> LatestPublicAsync<T>(string culture, int count, CancellationToken ct = default)
        where T : ContentItem
    {
        var items = await db.Set<T>().AsNoTracking().Where(x => x.Culture == culture).VisibleToPublic(Now)
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Take(count)
            .Select(x => new ContentSummary(x.Id, x.Culture, x.Slug, x.Title, x.Summary, x.PublishedUtc!.Value))
            .ToListAsync(ct);
        return typeof(IHasCoverImage).IsAssignableFrom(typeof(T)) && items.Count > 0
            ? await WithCoversAsync<T>(items, culture, ct)
            : items;
    }

    /// <summary>The visible item with this slug, or where an old slug now points, or nothing.</summary>
    public async Task<PublicLookup<T>> FindPublicAsync<T>(string culture, string slug, CancellationToken ct = default)
        where T : ContentItem
    {
        var now = Now;
        var item = await db.Set<T>().AsNoTracking().VisibleToPublic(now)
            .FirstOrDefaultAsync(x => x.Culture == culture && x.Slug == slug, ct);
        if (item is not null)
        {
            return new PublicLookup<T>(item, null);
        }

        var redirect = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.ContentType == typeof(T).Name && r.Culture == culture && r.OldSlug == slug)
            .Select(r => r.ItemId)
            .FirstOrDefaultAsync(ct);
        if (redirect == 0)
        {
            return new PublicLookup<T>(null, null);
        }

        var current = await db.Set<T>().AsNoTracking().VisibleToPublic(now)
            .Where(x => x.Id == redirect).Select(x => x.Slug).FirstOrDefaultAsync(ct);
        return new PublicLookup<T>(null, current);
    }

    private async Task<List<ContentSummary>> WithCoversAsync<T>(List<ContentSummary> items, string culture, CancellationToken ct)
        where T : ContentItem
    {
        var ids = items.Select(i => i.Id).ToList();
        var covers = await db.Set<T>().AsNoTracking()
            .Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, Cover = EF.Property<int?>(x, nameof(IHasCoverImage.CoverMediaId)) })
            .Where(x => x.Cover != null)
            .ToDictionaryAsync(x => x.Id, x => x.Cover!.Value, ct);
        var images = await media.ImagesAsync(covers.Values, culture, ct);
        return items.Select(i => covers.TryGetValue(i.Id, out var c) && images.TryGetValue(c, out var image) ? i with { Cover = image } : i).ToList();
    }

    /// <summary>Culture → slug of every visible translation in a group, the item itself included.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PublicTranslationsAsync<T>(Guid translationGroupId, CancellationToken ct = default)
        where T : ContentItem =>
        await db.Set<T>().AsNoTracking().VisibleToPublic(Now)
            .Where(x => x.TranslationGroupId == translationGroupId)
            .ToDictionaryAsync(x => x.Culture, x => x.Slug, ct);
}

public sealed record ContentSummary(int Id, string Culture, string Slug, string Title, string? Summary, DateTime PublishedUtc)
{
    /// <summary>The cover image, for content types that have one and when it may be shown in this language.</summary>
    public MediaImage? Cover { get; init; }
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>How many pages <paramref name="total"/> items fill; an empty list still has one page.</summary>
    public static int PagesFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}

public sealed record PublicLookup<T>(T? Item, string? RedirectSlug) where T : ContentItem;
