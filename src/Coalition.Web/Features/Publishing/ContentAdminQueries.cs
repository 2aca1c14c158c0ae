using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>What staff see of any content type: every state, with the translation status of each item.</summary>
public sealed class ContentAdminQueries(CoalitionDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Items not in the trash, most recently saved first.</summary>
    public Task<PagedList<AdminContentRow>> ListAsync<T>(string? culture, int page, int pageSize, CancellationToken ct = default)
        where T : ContentItem
    {
        var query = db.Set<T>().AsNoTracking().Where(x => x.DeletedUtc == null);
        if (SiteCultures.IsSupported(culture))
        {
            query = query.Where(x => x.Culture == culture);
        }

        return PageAsync(query.OrderByDescending(x => x.UpdatedUtc).ThenByDescending(x => x.Id), page, pageSize, ct);
    }

    /// <summary>The editor's start page, over every content type: their drafts, what goes live next, what went live lately, translations to do.</summary>
    public async Task<DashboardData> DashboardAsync(string? userId, int count, CancellationToken ct = default)
    {
        var parts = new List<DashboardData>();
        foreach (var definition in ContentTypes.All)
        {
            var method = typeof(ContentAdminQueries).GetMethod(nameof(DashboardOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(definition.EntityType);
            parts.Add(await (Task<DashboardData>)method.Invoke(this, [userId, count, ct])!);
        }

        return new DashboardData(
            parts.SelectMany(p => p.MyDrafts).OrderByDescending(r => r.UpdatedUtc).Take(count).ToList(),
            parts.SelectMany(p => p.Scheduled).OrderBy(r => r.PublishedUtc).Take(count).ToList(),
            parts.SelectMany(p => p.RecentlyPublished).OrderByDescending(r => r.PublishedUtc).Take(count).ToList(),
            parts.SelectMany(p => p.TranslationsToDo).Take(count).ToList());
    }

    private async Task<DashboardData> DashboardOfAsync<T>(string? userId, int count, CancellationToken ct)
        where T : ContentItem
    {
        var now = Now;
        var live = db.Set<T>().AsNoTracking().Where(x => x.DeletedUtc == null);
        var mine = await RowsAsync(
            live.Where(x => (x.Status == PublicationStatus.Draft || x.PendingRevisionId != null) && x.UpdatedById == userId)
                .OrderByDescending(x => x.UpdatedUtc), count, ct);
        var scheduled = await RowsAsync(
            live.Where(x => x.Status == PublicationStatus.Published && x.PublishedUtc > now)
                .OrderBy(x => x.PublishedUtc), count, ct);
        var published = await RowsAsync(
            live.VisibleToPublic(now).OrderByDescending(x => x.PublishedUtc), count, ct);

        // Translations to do: published groups that lack a language, and translations whose source changed since.
        var recent = await RowsAsync(live.VisibleToPublic(now).OrderByDescending(x => x.PublishedUtc), 50, ct);
        var todo = recent
            .Where(r => r.Translations.Any(t => t.Id == r.Id && t.Outdated) || r.Translations.Count() < SiteCultures.All.Count)
            .GroupBy(r => r.Translations.First().Id)
            .Select(g => g.First())
            .Take(count)
            .ToList();
        return new DashboardData(mine, scheduled, published, todo);
    }

    public async Task<IReadOnlyList<(int Id, string Culture, string Title, DateTime DeletedUtc)>> TrashAsync<T>(CancellationToken ct = default)
        where T : ContentItem =>
        (await db.Set<T>().AsNoTracking().Where(x => x.DeletedUtc != null)
            .OrderByDescending(x => x.DeletedUtc)
            .Select(x => new { x.Id, x.Culture, x.Title, x.DeletedUtc })
            .ToListAsync(ct))
        .Select(x => (x.Id, x.Culture, x.Title, x.DeletedUtc!.Value)).ToList();

    /// <summary>The translations of one group, one entry per culture that exists, with the outdated flag.</summary>
    public async Task<IReadOnlyList<TranslationState>> TranslationsOfAsync<T>(Guid group, CancellationToken ct = default)
        where T : ContentItem =>
        (await TranslationsAsync<T>([group], ct))[group].ToList();

    private async Task<PagedList<AdminContentRow>> PageAsync<T>(IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
        where T : ContentItem
    {
        var total = await ordered.CountAsync(ct);
        var pageCount = PagedList<AdminContentRow>.PagesFor(total, pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await RowsAsync(ordered.Skip((page - 1) * pageSize), pageSize, ct);
        return new PagedList<AdminContentRow>(rows, page, pageCount, total);
    }

    private async Task<List<AdminContentRow>> RowsAsync<T>(IQueryable<T> ordered, int take, CancellationToken ct)
        where T : ContentItem
    {
        var now = Now;
        var adminPath = "/admin/" + ContentTypes.For<T>().AdminSegment;
        var items = await ordered.Take(take)
            .Select(x => new { x.Id, x.Culture, x.Title, x.Slug, x.Status, x.PublishedUtc, x.UnpublishUtc, x.UpdatedUtc, x.TranslationGroupId, x.PendingRevisionId })
            .ToListAsync(ct);
        var translations = await TranslationsAsync<T>(items.Select(x => x.TranslationGroupId).Distinct().ToList(), ct);
        return items.Select(x => new AdminContentRow(
            x.Id, x.Culture, x.Title, x.Slug,
            ContentVisibility.StateOf(x.Status, x.PublishedUtc, x.UnpublishUtc, null, now),
            x.PendingRevisionId is not null, x.PublishedUtc, x.UpdatedUtc,
            translations[x.TranslationGroupId]) { AdminPath = adminPath }).ToList();
    }

    private async Task<ILookup<Guid, TranslationState>> TranslationsAsync<T>(List<Guid> groups, CancellationToken ct)
        where T : ContentItem
    {
        var members = await db.Set<T>().AsNoTracking()
            .Where(x => groups.Contains(x.TranslationGroupId) && x.DeletedUtc == null)
            .Select(x => new { x.Id, x.Culture, x.TranslationGroupId, x.Status, x.TranslatedFromId, x.UpdatedUtc, x.ContentChangedUtc })
            .ToListAsync(ct);
        var byId = members.ToDictionary(m => m.Id);
        var order = SiteCultures.All.ToList();
        return members
            .Select(m => new
            {
                m.TranslationGroupId,
                State = new TranslationState(
                    m.Culture,
                    m.Id,
                    m.Status,
                    // Outdated: the source's text changed after this translation was last saved.
                    Outdated: m.TranslatedFromId is { } src && byId.TryGetValue(src, out var source)
                        && source.ContentChangedUtc > m.UpdatedUtc,
                    SourceCulture: m.TranslatedFromId is { } s && byId.TryGetValue(s, out var so) ? so.Culture : null),
            })
            .OrderBy(m => order.IndexOf(m.State.Culture))
            .ToLookup(m => m.TranslationGroupId, m => m.State);
    }
}

public sealed record AdminContentRow(
    int Id,
    string Culture,
    string Title,
    string Slug,
    PublicState State,
    bool HasPendingChanges,
    DateTime? PublishedUtc,
    DateTime UpdatedUtc,
    IEnumerable<TranslationState> Translations)
{
    /// <summary>The admin address of the item's type, <c>/admin/{segment}</c>.</summary>
    public string AdminPath { get; init; } = "";

    public string AdminSegment => AdminPath.Length > 7 ? AdminPath[7..] : "";

    /// <summary>This item's translation into <paramref name="culture"/>, if there is one.</summary>
    public TranslationState? In(string culture) => Translations.FirstOrDefault(t => t.Culture == culture);
}

public sealed record TranslationState(string Culture, int Id, PublicationStatus Status, bool Outdated, string? SourceCulture);

public sealed record DashboardData(
    IReadOnlyList<AdminContentRow> MyDrafts,
    IReadOnlyList<AdminContentRow> Scheduled,
    IReadOnlyList<AdminContentRow> RecentlyPublished,
    IReadOnlyList<AdminContentRow> TranslationsToDo)
{
    /// <summary>The features' own blocks (<see cref="IDashboardPanel"/>).</summary>
    public IReadOnlyList<DashboardPanel> Panels { get; init; } = [];
}
