using Microsoft.AspNetCore.Routing.Patterns;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// The addresses under <c>/{culture}/</c> that the site's own routes take (news, search, feed.atom…), read from the
/// routing table, so that a page staff create at <c>/{culture}/{slug}</c> never hides a section, including sections
/// that later content types add.
/// </summary>
public sealed class ReservedSlugs(EndpointDataSource endpoints)
{
    private HashSet<string>? _reserved;

    public bool IsReserved(string slug) => Reserved.Contains(slug);

    private HashSet<string> Reserved => _reserved ??= endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => e.RoutePattern.PathSegments)
        .Where(s => s.Count >= 2 && s[0].Parts is [RoutePatternParameterPart { Name: "culture" }] && s[1].IsSimple && s[1].Parts[0] is RoutePatternLiteralPart)
        .Select(s => ((RoutePatternLiteralPart)s[1].Parts[0]).Content.ToLowerInvariant())
        .ToHashSet(StringComparer.Ordinal);
}
