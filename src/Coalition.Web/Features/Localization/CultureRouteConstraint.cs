namespace Coalition.Web.Features.Localization;

/// <summary>Route constraint <c>{culture:culture}</c>: only ru, tg and en match, so /xx/news is a 404.</summary>
public sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "culture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value)
            && value is string code
            && SiteCultures.All.Contains(code, StringComparer.Ordinal);
    }
}
