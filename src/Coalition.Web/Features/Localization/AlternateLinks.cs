namespace Coalition.Web.Features.Localization;

/// <summary>
/// Where the language switcher and the hreflang links lead from the current page. A controller that shows
/// one item says which translations exist; everything else is a section page that exists in every language.
/// </summary>
public sealed class AlternateLinks
{
    private IReadOnlyDictionary<string, string>? _itemPaths;
    private string _fallbackPath = "";

    /// <summary>This page shows one item: <paramref name="pathsByCulture"/> are its translations (site-relative paths),
    /// and <paramref name="sectionPath"/> (for example "news") is where the other languages lead instead.</summary>
    public void ForItem(IReadOnlyDictionary<string, string> pathsByCulture, string sectionPath)
    {
        _itemPaths = pathsByCulture;
        _fallbackPath = sectionPath;
    }

    /// <summary>Whether the page shows one item (a controller called <see cref="ForItem"/>): the head tags then describe it.</summary>
    public bool ShowsItem => _itemPaths is not null;

    /// <summary>The link to each language, in site order, for a page at <paramref name="path"/>.</summary>
    public IReadOnlyList<LanguageLink> Resolve(PathString path, QueryString query)
    {
        var current = PathCultureProvider.FirstSegment(path);
        var isPublic = SiteCultures.IsSupported(current);
        var links = new List<LanguageLink>(SiteCultures.All.Count);
        foreach (var code in SiteCultures.All)
        {
            if (_itemPaths is not null)
            {
                // The section pages bind ?untranslated as an int: bool binding would reject "1" and drop the note.
                links.Add(_itemPaths.TryGetValue(code, out var p)
                    ? new LanguageLink(code, p, Exists: true)
                    : new LanguageLink(code, $"/{code}/{_fallbackPath}?untranslated=1", Exists: false));
            }
            else if (isPublic)
            {
                var rest = path.Value!.Length > current!.Length + 1 ? path.Value[(current.Length + 1)..] : "/";
                // Each language has its own number of pages: page 2 of the Russian news may not exist in Tajik.
                var page = string.Equals(code, current, StringComparison.OrdinalIgnoreCase) ? PageOnly(query) : "";
                links.Add(new LanguageLink(code, $"/{code}{rest}{page}", Exists: true));
            }
            else
            {
                // Admin and account pages: the same page, in the other interface language.
                links.Add(new LanguageLink(code, path.Value + query.Value, Exists: true));
            }
        }

        return links;
    }

    /// <summary>Whether hreflang links make sense here: public, culture-prefixed pages only.</summary>
    public static bool IsPublicPage(PathString path) => SiteCultures.IsSupported(PathCultureProvider.FirstSegment(path));

    private static string PageOnly(QueryString query)
    {
        // Only the page number stays; a note such as ?untranslated=1 belongs to this visit.
        if (!query.HasValue)
        {
            return "";
        }

        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value);
        return parsed.TryGetValue("page", out var page) && int.TryParse(page, out var n) && n > 1 ? $"?page={n}" : "";
    }
}

public sealed record LanguageLink(string Culture, string Path, bool Exists);
