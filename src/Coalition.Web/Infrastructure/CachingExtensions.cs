using System.IO.Compression;
using Coalition.Web.Features.Caching;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class CachingExtensions
{
    /// <summary>Output caching of anonymous public pages with exact, tag-based eviction, and compression. After <c>AddCoalitionMvc</c>.</summary>
    public static WebApplicationBuilder AddCoalitionCaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ContentSchedule>();
        builder.Services.AddSingleton<PublicMemo>();
        builder.Services.AddSingleton<PublicPageCachePolicy>();
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<CacheOptions>, PublicPageCachePolicy>((o, cache, policy) =>
        {
            o.SizeLimit = cache.Value.SizeLimitMegabytes * 1024L * 1024L;
            o.MaximumBodySize = cache.Value.MaxBodyKilobytes * 1024L;
            o.AddBasePolicy(policy);
        });
        builder.Services.AddScoped<ContentCacheEviction>();
        builder.Services.AddScoped<IContentChangeListener>(sp => sp.GetRequiredService<ContentCacheEviction>());

        // Mark the pages that carry an antiforgery token: never cached, never compressed.
        var antiforgery = builder.Services.Last(d => d.ServiceType == typeof(IAntiforgery));
        builder.Services.Remove(antiforgery);
        builder.Services.Add(ServiceDescriptor.Describe(typeof(IAntiforgery), sp => new AntiforgeryUseMarker(
            (IAntiforgery)(antiforgery.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!))), antiforgery.Lifetime));

        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/calendar", "application/xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, CompressionPolicy>());
        return builder;
    }

    /// <summary>After authentication: the cache must know who is signed in. Compression runs inside it, so a cached page is compressed once.</summary>
    public static WebApplication UseCoalitionCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }
}
