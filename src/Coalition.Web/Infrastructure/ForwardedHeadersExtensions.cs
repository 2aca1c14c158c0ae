using System.Net;
using Coalition.Web.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class ForwardedHeadersExtensions
{
    /// <summary>Trusts X-Forwarded-For and X-Forwarded-Proto from the proxies in <see cref="ReverseProxyOptions"/> only.</summary>
    public static WebApplicationBuilder AddCoalitionForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            // The defaults trust loopback; only the configured proxies are trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the visitor's address and scheme.</summary>
    public static WebApplication UseCoalitionForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
