using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Search;

/// <summary>The search page's one service: cleans the visitor's input and asks the index.</summary>
public sealed class SiteSearch(SearchIndex index, IOptions<SearchOptions> options, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    /// <summary>The types a visitor can filter by: every definition, by its admin segment ("news").</summary>
    public static IReadOnlyList<ContentDefinition> Types => ContentTypes.All;

    public SearchPage Search(string culture, string? q, string? type, int page)
    {
        var text = (q ?? "").Trim();
        var shortened = text.Length > MaxQueryLength;
        if (shortened)
        {
            text = text[..MaxQueryLength];
        }

        var definition = ContentTypes.All.FirstOrDefault(d => string.Equals(d.AdminSegment, type, StringComparison.Ordinal));
        page = Math.Clamp(page, 1, 100);
        var result = text.Length == 0
            ? SearchResult.Empty(page, hadTerms: false)
            : index.Search(culture, text, definition?.Name, page, options.Value.PageSize, clock.GetUtcNow().UtcDateTime);
        return new SearchPage(text, definition?.AdminSegment, shortened, result, options.Value.PageSize);
    }
}

/// <param name="Query">What was searched (at most <see cref="SiteSearch.MaxQueryLength"/> characters).</param>
/// <param name="Type">The chosen type's admin segment, or null for all.</param>
/// <param name="Shortened">The visitor's text was longer than allowed and was cut.</param>
public sealed record SearchPage(string Query, string? Type, bool Shortened, SearchResult Result, int PageSize)
{
    public int FirstNumber => ((Result.Page - 1) * PageSize) + 1;
}
