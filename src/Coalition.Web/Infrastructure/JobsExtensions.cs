using Coalition.Web.Features.Jobs;

namespace Coalition.Web.Infrastructure;

public static class JobsExtensions
{
    /// <summary>Leases in the database that make background jobs run once across instances (docs/decisions/0017-job-leases.md).</summary>
    public static WebApplicationBuilder AddCoalitionJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobLeases>();
        return builder;
    }
}
