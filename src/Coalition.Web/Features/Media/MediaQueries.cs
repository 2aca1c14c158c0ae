using System.Text.RegularExpressions;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Media;

/// <summary>An image used in a text: what the renderer needs, and whether the library lacks its alt text.</summary>
public sealed record TextImage(MediaImage Image, bool AltMissing);

/// <summary>A cover candidate in the edit form.</summary>
public sealed record CoverChoice(int Id, string DisplayName, string ThumbnailUrl, bool HasAltIn, bool Decorative);

/// <summary>Reads of the media library, for the admin pages and for public pages that show images.</summary>
public sealed partial class MediaQueries(CoalitionDbContext db)
{
    public async Task<PagedList<MediaItem>> ListAsync(string? search, MediaKind? kind, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Media.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(m => m.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            // Names and alt texts, case-insensitive in every language (SQLite's LIKE folds only ASCII).
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(m => m.SearchText.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<MediaItem>(items, page, pageCount, total);
    }

    public Task<MediaItem?> FindAsync(int id, CancellationToken ct = default) =>
        db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    public Task<MediaItem?> FindByKeyAsync(string key, CancellationToken ct = default) =>
        db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.StorageKey == key, ct);

    /// <summary>The images with these ids that may be shown on a page in <paramref name="culture"/> (see <see cref="MediaImage.For"/>).</summary>
    public async Task<IReadOnlyDictionary<int, MediaImage>> ImagesAsync(IEnumerable<int> ids, string culture, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, MediaImage>();
        }

        var items = await db.Media.AsNoTracking().Where(m => wanted.Contains(m.Id) && m.Kind == MediaKind.Image).ToListAsync(ct);
        return items.Select(m => (m.Id, Image: MediaImage.For(m, culture)))
            .Where(x => x.Image is not null)
            .ToDictionary(x => x.Id, x => x.Image!);
    }

    public async Task<MediaImage?> ImageAsync(int? id, string culture, CancellationToken ct = default) =>
        id is { } value && (await ImagesAsync([value], culture, ct)).TryGetValue(value, out var image) ? image : null;

    /// <summary>
    /// The library's images referenced in a Markdown text, by storage key. The alt text is the library's in
    /// <paramref name="culture"/>, empty for a decorative image; <see cref="TextImage.AltMissing"/> says there is none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TextImage>> ImagesInTextAsync(string? markdown, string culture, CancellationToken ct = default)
    {
        var keys = MediaKeys().Matches(markdown ?? "").Select(m => m.Groups[1].Value).Distinct().Take(200).ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, TextImage>();
        }

        var items = await db.Media.AsNoTracking().Where(m => keys.Contains(m.StorageKey) && m.Kind == MediaKind.Image).ToListAsync(ct);
        return items.ToDictionary(
            m => m.StorageKey,
            m =>
            {
                var alt = m.IsDecorative ? "" : m.AltFor(culture)?.Trim();
                var image = new MediaImage(m.StorageKey, MediaImage.ParseWidths(m.VariantWidths), m.Width ?? 0, m.Height ?? 0, alt ?? "");
                return new TextImage(image, alt is null);
            },
            StringComparer.Ordinal);
    }

    /// <summary>Images to choose a cover from: the newest 200 and the current one.</summary>
    public async Task<IReadOnlyList<CoverChoice>> CoverChoicesAsync(int? current, string culture, CancellationToken ct = default)
    {
        var items = await db.Media.AsNoTracking()
            .Where(m => m.Kind == MediaKind.Image)
            .OrderByDescending(m => m.Id == current).ThenByDescending(m => m.CreatedUtc)
            .Take(200)
            .ToListAsync(ct);
        return items.Select(m => new CoverChoice(
                m.Id,
                m.DisplayName,
                MediaUrls.Variant(m.StorageKey, MediaImage.ParseWidths(m.VariantWidths)[0], "webp"),
                !string.IsNullOrWhiteSpace(m.AltFor(culture)),
                m.IsDecorative))
            .ToList();
    }

    /// <summary>Markdown images from the library written with an empty alt: <c>![](/media/…)</c>.</summary>
    [GeneratedRegex(@"!\[\s*\]\(\s*/media/([a-f0-9]{32})")]
    internal static partial Regex ImageWithEmptyAlt();

    [GeneratedRegex("/media/([a-f0-9]{32})[-.]")]
    private static partial Regex MediaKeys();
}
