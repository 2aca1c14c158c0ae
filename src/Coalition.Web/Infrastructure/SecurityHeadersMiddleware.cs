namespace Coalition.Web.Infrastructure;

/// <summary>
/// Security headers on every response, error pages and static files included. The site has no inline script,
/// so the policy allows scripts and styles from this origin only and never talks to another host.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            if (IsPrivate(ctx.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers["X-Robots-Tag"] = "noindex, nofollow";
            }

            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        }, context);
        if (IsLegalAid(context.Request.Path))
        {
            // Legal aid (issue 18): no copy in any cache, so Back after "Leave this page" and a checked phone show nothing.
            // Decided on the path as requested: an error page (429, 404) re-executes under /error/... .
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }

    /// <summary>The Legal Aid page and everything under it, in every language: every response, errors and 429 included.</summary>
    internal static bool IsLegalAid(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && Coalition.Web.Features.Localization.SiteCultures.IsSupported(segments[0])
            && string.Equals(segments[1], "legal-aid", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Staff pages are never cached by browsers or proxies, nor indexed.</summary>
    internal static bool IsPrivate(PathString path) =>
        path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase);
}
