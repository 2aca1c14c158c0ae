using Microsoft.AspNetCore.Antiforgery;

namespace Coalition.Web.Features.Caching;

/// <summary>
/// Wraps the framework's antiforgery service and marks a request whose page received a token: such a page holds a
/// per-visitor secret, so the output cache does not keep it, and it is not compressed (BREACH).
/// </summary>
public sealed class AntiforgeryUseMarker(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        Mark(httpContext);
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    private static void Mark(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Items[PublicPageCachePolicy.PerVisitorItem] = true;
    }
}
