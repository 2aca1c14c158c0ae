using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// The one source of absolute URLs: <see cref="SiteOptions.PublicBaseUrl"/>. Never the Host header, which the client
/// chooses (a request with <c>Host: evil.example</c> must not put evil.example into a redirect, an hreflang link, a
/// share link or an e-mail). Share links, press-room access links, feeds and sitemaps build on this too.
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> site)
{
    /// <summary>Scheme, host and port, without a trailing slash: <c>https://coalition.example.org</c>.</summary>
    public string Origin { get; } = (site.Value.PublicBaseUrl ?? SiteOptions.DevelopmentBaseUrl).GetLeftPart(UriPartial.Authority);

    /// <summary>Whether the public address is https (cookies then carry <c>Secure</c> and the <c>__Host-</c> prefix).</summary>
    public bool IsHttps => Origin.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>The absolute URL of a site-relative path (with its query), for example <c>/preview/abc</c>.</summary>
    public string Absolute(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        return Origin + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }

    /// <summary>The same path and query on the public origin, whatever host and scheme <paramref name="url"/> named.</summary>
    public string Rebase(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? Absolute(absolute.PathAndQuery)
            : Absolute(url);
    }
}
