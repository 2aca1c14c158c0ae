using System.Text.Json;
using Coalition.Data;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coalition.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c> (and the older <c>/health</c>): the database,
/// the file store and, when configured, Redis answer. Both are public, so they say only "Healthy" or "Unhealthy" per check:
/// no versions, provider names, host names or exception texts.
/// </summary>
public static class HealthExtensions
{
    internal const string ReadyTag = "ready";

    public static WebApplicationBuilder AddCoalitionHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<FileStoreHealthCheck>("files", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapCoalitionHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }
}

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(CoalitionDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
        }
#pragma warning disable CA1031 // Any failure to reach the database is an unhealthy answer, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy(exception: ex);
        }
    }
}

/// <summary>Healthy when the media store can be reached (the folder is writable, or the bucket answers).</summary>
internal sealed class FileStoreHealthCheck(IFileStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckAvailableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure of the store is an unhealthy answer, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy(exception: ex);
        }
    }
}

internal static class HealthReportWriter
{
    /// <summary>Status per check, nothing else: the endpoints are public. Details go to the log through the health-check logger.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
