using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Caching;

/// <summary>
/// The names that cached pages are tagged with, so that a change evicts exactly the pages that show it.
/// A page's tags come from its path (<see cref="ForPath"/>), and a controller can add the item's own with
/// <see cref="CacheTagExtensions.TagCache"/>.
/// </summary>
public static class CacheTags
{
    /// <summary>Every cached page.</summary>
    public const string All = "all";

    /// <summary>Every page in one language: the campaign banner is on all of them.</summary>
    public static string Culture(string culture) => "culture:" + culture;

    public static string Home(string culture) => "home:" + culture;

    /// <summary>A section's lists (and its feeds and calendar files) in one language.</summary>
    public static string List(string section, string culture) => $"list:{section}:{culture}";

    /// <summary>Every page of a section whose items show items of another type (campaign pages show news stories).</summary>
    public static string Dependent(string section, string culture) => $"dep:{section}:{culture}";

    /// <summary>One item's page, by address.</summary>
    public static string Item(string section, string culture, string slug) => $"item:{section}:{culture}:{slug}";

    /// <summary>Every language version of one item: its translations' pages link to it (hreflang, the switcher).</summary>
    public static string Group(Guid translationGroupId) => "group:" + translationGroupId.ToString("N");

    /// <summary>The site-wide feeds and the sitemap.</summary>
    public static string Feeds(string culture) => "feed:" + culture;

    public const string Sitemap = "sitemap";

    public static string Search(string culture) => "search:" + culture;

    // Read on every cacheable request: worked out once from the definitions, which do not change while the app runs.
    private static readonly HashSet<string> Sections =
        ContentTypes.All.Select(d => d.SectionPath).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The tags of the page at <paramref name="path"/>, and its language (null outside the language sections).</summary>
    public static (IReadOnlyList<string> Tags, string? Culture) ForPath(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var tags = new List<string> { All };
        if (segments.Length == 0 || !SiteCultures.IsSupported(segments[0]))
        {
            tags.Add(Sitemap);
            return (tags, null);
        }

        var culture = segments[0];
        tags.Add(Culture(culture));
        var sections = Sections;
        switch (segments.Length)
        {
            case 1:
                tags.Add(Home(culture));
                break;
            case 2 when sections.Contains(segments[1]):
                tags.Add(List(segments[1], culture));
                tags.Add(Dependent(segments[1], culture));
                break;
            case 2 when segments[1] == "search":
                tags.Add(Search(culture));
                break;
            case 2 when segments[1].Contains('.', StringComparison.Ordinal):
                tags.Add(Feeds(culture));
                break;
            case 2:
                tags.Add(Item("", culture, segments[1]));
                break;
            case >= 3 when sections.Contains(segments[1]):
                // /ru/news/slug is an item; /ru/news/feed.atom, /ru/events/calendar.ics and /ru/press/kit belong to the lists.
                tags.Add(segments.Length == 3 && !segments[2].Contains('.', StringComparison.Ordinal)
                    ? Item(segments[1], culture, segments[2])
                    : List(segments[1], culture));
                tags.Add(Dependent(segments[1], culture));
                break;
        }

        return (tags, culture);
    }

    /// <summary>What a change of one item evicts: its pages in every language, its section's lists, home, feeds, sitemap, search, and the sections that show its type.</summary>
    public static IReadOnlyList<string> ForChange(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var definition = change.Type;
        if (definition.ShownOnEveryPage)
        {
            return [Culture(change.Culture)];
        }

        var section = definition.SectionPath;
        var tags = new List<string>
        {
            Group(change.TranslationGroupId),
            Item(section, change.Culture, change.Slug),
            Home(change.Culture),
            Feeds(change.Culture),
            Sitemap,
            Search(change.Culture),
        };
        if (change.FormerTranslationGroupId is { } former)
        {
            tags.Add(Group(former));
        }

        if (section.Length > 0)
        {
            tags.Add(List(section, change.Culture));
        }

        foreach (var dependent in ContentTypes.All.Where(d => d.SectionPath.Length > 0 && d.ShowsItemsOf.Contains(definition.EntityType)))
        {
            tags.Add(Dependent(dependent.SectionPath, change.Culture));
        }

        return tags;
    }
}

public static class CacheTagExtensions
{
    /// <summary>Adds tags to the page being rendered, if it is going into the output cache (for example the item's translation group).</summary>
    public static void TagCache(this HttpContext context, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}
