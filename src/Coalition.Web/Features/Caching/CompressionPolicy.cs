using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Caching;

/// <summary>
/// Brotli or gzip for text responses, except where a secret sits next to what a visitor can make the page reflect
/// (BREACH): pages with an antiforgery token, and everything under the admin and account areas.
/// </summary>
public sealed class CompressionPolicy(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    private static readonly string[] SecretAreas = ["/admin", "/account", "/invitation", "/two-factor", "/password", "/preview"];

    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (context.Items.ContainsKey(PublicPageCachePolicy.PerVisitorItem)
            || SecretAreas.Any(a => path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return base.ShouldCompressResponse(context);
    }
}
