using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>What the public may read, for any content type: lists, one item by slug, its translations.</summary>
public sealed class ContentQueries(CoalitionDbContext db, MediaQueries media, TimeProvider clock, PublicMemo? memo = null)
{
    private readonly List<ContentItem> _found = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// An item <see cref="FindPublicAsync"/> already found in this request (the page's head tags describe the item the
    /// controller loaded, without reading it again), or null.
    /// </summary>
    public ContentItem? FoundPublic(Type entityType, string culture, string slug) =>
        _found.FirstOrDefault(x => x.GetType() == entityType && x.Culture == culture && x.Slug == slug);

    /// <summary>
    /// One page of a public list, newest first. The count is remembered (<see cref="PublicMemo"/>: until content
    /// changes, the next scheduled moment, or 30 s), and pages in the second half are read from the oldest end, so the
    /// last page of 100,000 items costs what the first does.
    /// </summary>
    public async Task<PagedList<ContentSummary>> ListPublicAsync<T>(string culture, int page, int pageSize, CancellationToken ct = default)
        where T : ContentItem
    {
        var query = db.Set<T>().AsNoTracking().Where(x => x.Culture == culture).VisibleToPublic(Now);
        var total = memo is null
            ? await query.CountAsync(ct)
            : await memo.GetAsync("count:" + typeof(T).Name, culture, Caching.CacheTags.List(ContentTypes.For<T>().SectionPath, culture), () => query.CountAsync(ct), ct);
        var pageCount = PagedList<ContentSummary>.PagesFor(total, pageSize);
        var skip = (page - 1) * pageSize;
        List<ContentSummary> items;
        if (page > 1 && skip * 2 > total)
        {
            var fromOldest = Math.Max(0, total - skip - pageSize);
            var take = Math.Min(pageSize, total - skip);
            items = take <= 0 ? [] : await SummariesAsync(
                query.OrderBy(x => x.PublishedUtc).ThenBy(x => x.Id).Skip(fromOldest).Take(take), culture, ct);
            items.Reverse();
        }
        else
        {
            items = await SummariesAsync(
                query.OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id).Skip(skip).Take(pageSize), culture, ct);
        }

        return new PagedList<ContentSummary>(items, page, pageCount, total);
    }

    /// <summary>The newest visible items, for the home page: no count, no paging.</summary>
    public async Task<IReadOnlyList<ContentSummary>> LatestPublicAsync<T>(string culture, int count, CancellationToken ct = default)
        where T : ContentItem =>
        await SummariesAsync(
            db.Set<T>().AsNoTracking().Where(x => x.Culture == culture).VisibleToPublic(Now)
                .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id).Take(count),
            culture,
            ct);

    /// <summary>The visible item with this slug, or where an old slug now points, or nothing.</summary>
    public async Task<PublicLookup<T>> FindPublicAsync<T>(string culture, string slug, CancellationToken ct = default)
        where T : ContentItem
    {
        var now = Now;
        var item = await db.Set<T>().AsNoTracking().VisibleToPublic(now)
            .FirstOrDefaultAsync(x => x.Culture == culture && x.Slug == slug, ct);
        if (item is not null)
        {
            _found.Add(item);
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

    /// <summary>
    /// The cards of one page of a list. For types with a cover, the cover id comes with the row, so a page costs one
    /// query for the rows and one for the images, whatever its size.
    /// </summary>
    private async Task<List<ContentSummary>> SummariesAsync<T>(IQueryable<T> page, string culture, CancellationToken ct)
        where T : ContentItem
    {
        if (!typeof(IHasCoverImage).IsAssignableFrom(typeof(T)))
        {
            return await page.Select(x => new ContentSummary(x.Id, x.Culture, x.Slug, x.Title, x.Summary, x.PublishedUtc!.Value)).ToListAsync(ct);
        }

        var rows = await page
            .Select(x => new
            {
                Summary = new ContentSummary(x.Id, x.Culture, x.Slug, x.Title, x.Summary, x.PublishedUtc!.Value),
                Cover = EF.Property<int?>(x, nameof(IHasCoverImage.CoverMediaId)),
            })
            .ToListAsync(ct);
        var images = await media.ImagesAsync(rows.Where(r => r.Cover is not null).Select(r => r.Cover!.Value), culture, ct);
        return rows.Select(r => r.Cover is { } cover && images.TryGetValue(cover, out var image) ? r.Summary with { Cover = image } : r.Summary).ToList();
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
