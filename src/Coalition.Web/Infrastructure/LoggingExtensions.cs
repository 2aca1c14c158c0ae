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
                // Compact JSON, one event per line: a %0a in a request path is written as \n inside a string, so it
                // cannot forge a line of its own (issue 19, item 5).
                lc.WriteTo.File(
                    new Serilog.Formatting.Compact.CompactJsonFormatter(),
                    Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(contentRoot, file.Path),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: file.RetainedDays);
            }
        }, preserveStaticLogger: true); // this host's logger only: another host in the process (tests) cannot close it
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
            // This host's logger, not the static Log.Logger that another host in the same process may have replaced.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {Path} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diagnostics, ctx) => diagnostics.Set("Path", RedactedPath(ctx.Request.Path));
            o.GetLevel = (ctx, _, ex) => RequestLevel(ctx, ex);
        });
        return app;
    }

    /// <summary>
    /// Errors for failures; a request the visitor gave up on (a phone that lost its signal, a closed tab: the work is
    /// cancelled) is not one, and would otherwise fill the error log with 500s nobody was served.
    /// </summary>
    internal static LogEventLevel RequestLevel(HttpContext ctx, Exception? ex) =>
        ex is OperationCanceledException && ctx.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
        : ex is not null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
        : ctx.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
        : LogEventLevel.Information;

    /// <summary>The request path with secrets cut out (a share-link token in the log would open the draft) and control
    /// characters escaped, so that the console's text output cannot be forged either.</summary>
    internal static string RedactedPath(PathString path) =>
        path.StartsWithSegments("/preview", StringComparison.OrdinalIgnoreCase) ? "/preview/***" : EscapeControls(path.Value ?? "/");

    /// <summary>Control characters (CR, LF, tab, ESC…) as <c>\u000a</c>; everything else as it is.</summary>
    internal static string EscapeControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return builder.ToString();
    }
}
