namespace Coalition.Web.Options;

/// <summary>
/// What several instances share besides the database. Section <c>Cache</c>. Without <see cref="Redis"/>, everything
/// stays in each process's memory, which is right for one machine.
/// </summary>
public sealed class CacheOptions
{
    public const string SectionName = "Cache";

    /// <summary>
    /// A StackExchange.Redis connection string, for example <c>redis.internal:6379,password=…,ssl=true</c>. When set, the
    /// rate limits are counted in Redis (and hold across instances), and <c>/health/ready</c> checks Redis. Default none.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every key the portal writes, so that several sites can share one Redis. Default <c>coalition:</c>.</summary>
    public string KeyPrefix { get; set; } = "coalition:";

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
