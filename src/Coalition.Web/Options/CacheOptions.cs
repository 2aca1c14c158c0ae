using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>
/// Output caching of anonymous public pages, and what several instances share besides the database (Redis).
/// Section <c>Cache</c>. Without <see cref="Redis"/>, everything stays in each process's memory, which is right for one machine.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>Cache public pages for anonymous visitors. Default true; false serves every request fresh (the benchmark's "uncached").</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Longest life of a cached page, in seconds, even when nothing evicts it. Default 600.</summary>
    [Range(1, 86_400)]
    public int MaxAgeSeconds { get; set; } = 600;

    /// <summary>Memory the in-process cache may hold, in MB (the entries are evicted, least used first, beyond it). Default 32.</summary>
    [Range(1, 4096)]
    public int SizeLimitMegabytes { get; set; } = 32;

    /// <summary>Largest page body that is cached, in KB. Default 512.</summary>
    [Range(1, 65_536)]
    public int MaxBodyKilobytes { get; set; } = 512;

    /// <summary>
    /// A StackExchange.Redis connection string, for example <c>redis.internal:6379,password=…,ssl=true</c>. When set, the
    /// rate limits are counted in Redis (and hold across instances), and <c>/health/ready</c> checks Redis; the shared
    /// connection (<c>IConnectionMultiplexer</c>) is there for a Redis output-cache store too. Default none.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every key the portal writes, so that several sites can share one Redis. Default <c>coalition:</c>.</summary>
    public string KeyPrefix { get; set; } = "coalition:";

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
