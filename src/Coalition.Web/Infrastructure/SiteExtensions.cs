using Coalition.Web.Options;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static partial class SiteExtensions
{
    /// <summary>
    /// <see cref="SiteOptions"/> and <see cref="PublicUrls"/>. In Production the public address is required, and
    /// <c>AllowedHosts</c> defaults to its host instead of "*" (a request for any other host gets 400).
    /// </summary>
    public static WebApplicationBuilder AddCoalitionSite(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !production || o.PublicBaseUrl is not null,
                "Site:PublicBaseUrl is required in Production, for example https://coalition.example.org: absolute URLs are never made from the Host header.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PublicUrls>();

        var configured = builder.Configuration["AllowedHosts"];
        if (production && (string.IsNullOrWhiteSpace(configured) || configured.Trim() == "*")
            && builder.Configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>()?.PublicBaseUrl is { IsAbsoluteUri: true } url)
        {
            builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [url.Host]);
        }

        return builder;
    }

    /// <summary>In Production over plain http, one warning at startup that names the setting: cookies then lack Secure.</summary>
    public static WebApplication WarnIfPlainHttp(this WebApplication app)
    {
        var urls = app.Services.GetRequiredService<PublicUrls>();
        if (app.Environment.IsProduction() && !urls.IsHttps)
        {
            LogPlainHttp(app.Logger, urls.Origin);
        }

        return app;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning,
        Message = "Site:PublicBaseUrl is {Origin}, not https: staff cookies are sent without Secure and without the __Host- prefix. Serve the portal over https (see docs/operations.md, reverse proxy) and set Site:PublicBaseUrl to the https address.")]
    private static partial void LogPlainHttp(ILogger logger, string origin);
}
