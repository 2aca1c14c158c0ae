using Coalition.Web.Options;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Coalition.Web.Infrastructure;

public static class RedisExtensions
{
    /// <summary>
    /// <see cref="CacheOptions"/>, and with <c>Cache:Redis</c> one shared <see cref="IConnectionMultiplexer"/> with a
    /// readiness check, used by the rate limits and as the output cache's store: a page evicted on one instance (a
    /// publish) is evicted on all. Before <c>AddCoalitionCaching</c>, whose in-memory store is only the fallback.
    /// Without it nothing is registered and every consumer stays in memory.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionRedis(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(CacheOptions.SectionName).Get<CacheOptions>() ?? new CacheOptions();
        if (!options.UsesRedis)
        {
            return builder;
        }

        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AbortOnConnectFail = false; // start even while Redis is down; /health/ready says so
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddStackExchangeRedisOutputCache(o => o.InstanceName = options.KeyPrefix + "oc:");
        builder.Services.AddOptions<RedisOutputCacheOptions>().Configure<IServiceProvider>((o, services) =>
            o.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>()));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthExtensions.ReadyTag]);
        return builder;
    }
}

/// <summary>Healthy when Redis answers a PING.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Any failure to reach Redis is an unhealthy answer, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy(exception: ex);
        }
    }
}
