using Coalition.Web.Features.Mirror;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class MirrorExtensions
{
    /// <summary>
    /// The static mirror (<see cref="MirrorExporter"/>; addresses from <see cref="SiteOptions"/>). Started as
    /// <c>export-mirror --to DIR [--base-url URL]</c>, the app listens on a loopback port only and exports itself
    /// (<see cref="MirrorExportRunner"/>), then stops.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionMirror(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        builder.Services.AddSingleton<MirrorExporter>();
        if (args.Length == 0 || args[0] != "export-mirror")
        {
            return builder;
        }

        var to = Value(args, "--to") ?? throw new InvalidOperationException("usage: export-mirror --to DIR [--base-url https://mirror.example.net]");
        var baseUrl = Value(args, "--base-url") is { } url ? new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute) : null;
        builder.Services.AddSingleton(new MirrorCommand(to, baseUrl));
        builder.Services.AddHostedService<MirrorExportRunner>();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The exporter is the only client of this loopback-only instance and reads it as a visitor of the live site
        // reads it: with the live site's scheme, so that pages whose forms set Secure cookies render as they do there.
        builder.Services.AddTransient<IStartupFilter, LiveSchemeForTheExporter>();
        return builder;
    }

    /// <summary><c>Onion-Location</c> on public pages when <c>Site:OnionLocation</c> is set: the same path on the onion address.</summary>
    public static WebApplication UseCoalitionOnionLocation(this WebApplication app)
    {
        var onion = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.OnionLocation;
        if (onion is null)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (!SecurityHeadersMiddleware.IsPrivate(context.Request.Path))
            {
                context.Response.Headers["Onion-Location"] = new Uri(onion, context.Request.Path + context.Request.QueryString).ToString();
            }

            return next(context);
        });
        return app;
    }

    private sealed class LiveSchemeForTheExporter(IOptions<SiteOptions> site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var scheme = site.Value.PublicBaseUrl?.Scheme;
            app.Use((context, nextMiddleware) =>
            {
                if (scheme is not null && context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip))
                {
                    context.Request.Scheme = scheme;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
