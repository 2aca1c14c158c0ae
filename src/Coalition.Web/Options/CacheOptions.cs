using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Output caching of anonymous public pages. Section <c>Cache</c>.</summary>
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
}
