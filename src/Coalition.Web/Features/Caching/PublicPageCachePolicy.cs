using Coalition.Web.Options;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Coalition.Web.Features.Caching;

/// <summary>
/// Which responses the output cache keeps: public pages, feeds, the sitemap and calendar files, for anonymous visitors
/// only. Never a signed-in staff member's request (neither served from nor stored in the cache), never admin, account,
/// preview, share or access-link pages, and never a response that sets a cookie, carries an antiforgery token
/// (a form with a per-visitor token, see docs/decisions/0006-output-cache.md), says no-store, or is not a 200.
/// Entries are keyed by path, query, the visitor's compression and the next scheduled moment of the page's language.
/// </summary>
public sealed class PublicPageCachePolicy(IOptions<CacheOptions> options, ContentSchedule schedule, TimeProvider clock) : IOutputCachePolicy
{
    /// <summary>Set by <see cref="AntiforgeryUseMarker"/> when the response carries an antiforgery token.</summary>
    public const string PerVisitorItem = "coalition.per-visitor";

    private static readonly string[] CacheableRoots = ["sitemap.xml", "robots.txt"];

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var (tags, culture) = CacheTags.ForPath(request.Path.Value ?? "/");
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && (culture is not null || CacheableRoots.Any(r => request.Path.Value?.StartsWith("/" + r, StringComparison.Ordinal) == true));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        foreach (var tag in tags)
        {
            context.Tags.Add(tag);
        }

        http.Response.OnStarting(static state =>
        {
            // Browsers and proxies ask again each time (the answer comes from this cache): an unpublished or embargoed
            // page never lingers in a shared proxy, nor on a visitor's disk for longer than it is public.
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status200OK && response.Headers.CacheControl.Count == 0)
            {
                response.Headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        }, http.Response);

        var now = clock.GetUtcNow().UtcDateTime;
        var next = culture is null ? null : await schedule.NextMomentAsync(culture, cancellation);
        var maxAge = TimeSpan.FromSeconds(options.Value.MaxAgeSeconds);
        context.ResponseExpirationTimeSpan = next is { } moment && moment - now < maxAge ? moment - now : maxAge;
        context.CacheVaryByRules.QueryKeys = "*";
        // The moment in the key: once it has passed, the next request misses and renders what the public may see now.
        context.CacheVaryByRules.VaryByValues["moment"] = next?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        context.CacheVaryByRules.VaryByValues["encoding"] = EncodingOf(request.Headers.AcceptEncoding.ToString());
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || context.HttpContext.Items.ContainsKey(PerVisitorItem)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The compression the response will get, as the compression middleware chooses it.</summary>
    internal static string EncodingOf(string acceptEncoding) =>
        acceptEncoding.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br"
        : acceptEncoding.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
        : "identity";
}
