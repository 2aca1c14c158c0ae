using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Publishing;

/// <summary>What staff see of any content type: every state, with the translation status of each item.</summary>
public sealed class ContentAdminQueries(CoalitionDbContext db)
{
    public async Task<PagedList<AdminContentRow>> ListAsync<T>(string? culture, int page, int pageSize, CancellationToken ct = default)
        where T : ContentItem
    {
        var query = db.Set<T>().AsNoTracking();
        if (SiteCultures.IsSupported(culture))
        {
            query = query.Where(x => x.Culture == culture);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var items = await query
            .OrderByDescending(x => x.UpdatedUtc).ThenByDescending(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.Id, x.Culture, x.Title, x.Slug, x.Status, x.PublishedUtc, x.UpdatedUtc, x.TranslationGroupId })
            .ToListAsync(ct);

        var groups = items.Select(x => x.TranslationGroupId).Distinct().ToList();
        var translations = await TranslationsAsync<T>(groups, ct);
        var rows = items.Select(x => new AdminContentRow(
            x.Id, x.Culture, x.Title, x.Slug, x.Status, x.PublishedUtc, x.UpdatedUtc,
            translations[x.TranslationGroupId])).ToList();
        return new PagedList<AdminContentRow>(rows, page, pageCount, total);
    }

    /// <summary>The translations of one group, one entry per culture that exists, with the outdated flag.</summary>
    public async Task<IReadOnlyList<TranslationState>> TranslationsOfAsync<T>(Guid group, CancellationToken ct = default)
        where T : ContentItem =>
        (await TranslationsAsync<T>([group], ct))[group].ToList();

    private async Task<ILookup<Guid, TranslationState>> TranslationsAsync<T>(List<Guid> groups, CancellationToken ct)
        where T : ContentItem
    {
        var members = await db.Set<T>().AsNoTracking()
            .Where(x => groups.Contains(x.TranslationGroupId))
            .Select(x => new { x.Id, x.Culture, x.TranslationGroupId, x.Status, x.TranslatedFromId, x.UpdatedUtc, x.ContentChangedUtc })
            .ToListAsync(ct);
        var byId = members.ToDictionary(m => m.Id);
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
            .OrderBy(m => SiteCultures.All.ToList().IndexOf(m.State.Culture))
            .ToLookup(m => m.TranslationGroupId, m => m.State);
    }
}

public sealed record AdminContentRow(
    int Id,
    string Culture,
    string Title,
    string Slug,
    PublicationStatus Status,
    DateTime? PublishedUtc,
    DateTime UpdatedUtc,
    IEnumerable<TranslationState> Translations)
{
    public TranslationState? In(string culture) => Translations.FirstOrDefault(t => t.Culture == culture);
}

public sealed record TranslationState(string Culture, int Id, PublicationStatus Status, bool Outdated, string? SourceCulture);
