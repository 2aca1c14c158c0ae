using Microsoft.AspNetCore.Routing.Patterns;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// The addresses that the site's own routes take inside a section, read from the routing table: <c>news</c>,
/// <c>search</c>, <c>feed.atom</c>… under <c>/{culture}/</c>, where pages live; <c>past</c>, <c>calendar.ics</c>,
/// <c>registration</c> under <c>/{culture}/events/</c>; <c>contacts</c>, <c>kit</c>, <c>alerts</c>, <c>access</c>
/// under <c>/{culture}/press/</c>. An item of a type whose <see cref="ContentDefinition.SectionPath"/> is that
/// section never takes one of them, so it never hides (or is hidden by) a page of the site, including pages that
/// later routes add. One mechanism for every type: no list is written by hand.
/// </summary>
public sealed class ReservedSlugs(EndpointDataSource endpoints)
{
    private HashSet<string>? _reserved;

    /// <summary>An address a page at the site root may not take.</summary>
    public bool IsReserved(string slug) => IsReserved("", slug);

    /// <summary>An address an item of the section <paramref name="sectionPath"/> ("" for the root, "events"…) may not take.</summary>
    public bool IsReserved(string sectionPath, string slug)
    {
        ArgumentNullException.ThrowIfNull(sectionPath);
        ArgumentNullException.ThrowIfNull(slug);
        return Reserved.Contains(Key(sectionPath.Trim('/'), slug.ToLowerInvariant()));
    }

    private static string Key(string section, string literal) => section + "\n" + literal;

    private HashSet<string> Reserved => _reserved ??= Collect();

    /// <summary>
    /// For each route <c>{culture}/a/b/…</c>: every literal segment, keyed by the literal segments before it (the section).
    /// The walk stops at the first parameter: <c>{culture}/events/{slug}/event.ics</c> reserves nothing.
    /// </summary>
    private HashSet<string> Collect()
    {
        var reserved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segments in endpoints.Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.PathSegments))
        {
            if (segments.Count < 2 || segments[0].Parts is not [RoutePatternParameterPart { Name: "culture" }])
            {
                continue;
            }

            var section = new List<string>();
            for (var i = 1; i < segments.Count && segments[i].IsSimple && segments[i].Parts[0] is RoutePatternLiteralPart literal; i++)
            {
                var text = literal.Content.ToLowerInvariant();
                reserved.Add(Key(string.Join('/', section), text));
                section.Add(text);
            }
        }

        return reserved;
    }
}
