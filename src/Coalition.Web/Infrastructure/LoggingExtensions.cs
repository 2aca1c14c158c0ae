using Coalition.Web.Options;
using Serilog;
using Serilog.Events;

namespace Coalition.Web.Infrastructure;

public static class LoggingExtensions
{
    /// <summary>Serilog from the <c>Serilog</c> section (levels, console) plus the rolling file of <see cref="LogFileOptions"/>.</summary>
    public static WebApplicationBuilder AddCoalitionLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogFileOptions>()
            .BindConfiguration(LogFileOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var file = builder.Configuration.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>() ?? new LogFileOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSerilog((services, lc) =>
        {
            lc.ReadFrom.Configuration(builder.Configuration)
              .ReadFrom.Services(services)
              .Enrich.FromLogContext();
            if (file.Enabled)
            {
                lc.WriteTo.File(
                    Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(contentRoot, file.Path),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: file.RetainedDays,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return builder;
    }

    /// <summary>
    /// One event per request with method, path (never the query string), status and time.
    /// No body, no IP address, no user agent: visitors may be under surveillance.
    /// </summary>
    public static WebApplication UseCoalitionRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {Path} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diagnostics, ctx) => diagnostics.Set("Path", RedactedPath(ctx.Request.Path));
            o.GetLevel = (ctx, _, ex) => ex is not null || ctx.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose : LogEventLevel.Information;
        });
        return app;
    }

    /// <summary>The request path with secrets cut out: a share-link token in the log would open the draft.</summary>
    internal static string RedactedPath(PathString path) =>
        path.StartsWithSegments("/preview", StringComparison.OrdinalIgnoreCase) ? "/preview/***" : path.Value ?? "/";
}
