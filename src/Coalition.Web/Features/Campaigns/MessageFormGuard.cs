using System.Globalization;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Coalition.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Campaigns;

public enum FormTiming
{
    Ok,

    /// <summary>Sent sooner after the form was shown than a person can type.</summary>
    TooFast,

    /// <summary>The form's time is missing, forged or too old.</summary>
    Expired,
}

/// <summary>
/// The minimum fill time without JavaScript: the form carries the time it was shown, protected with Data Protection
/// so that it cannot be forged or moved back, and the POST checks how long ago that was against the injected clock.
/// </summary>
public sealed class MessageFormGuard(IDataProtectionProvider protection, IOptions<CampaignOptions> options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Coalition.Campaigns.MessageForm.v1");

    public string NewToken() =>
        _protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public FormTiming Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return FormTiming.Expired;
        }

        long shownAt;
        try
        {
            shownAt = long.Parse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException)
        {
            return FormTiming.Expired;
        }

        var elapsed = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(shownAt);
        if (elapsed < TimeSpan.Zero || elapsed > TimeSpan.FromHours(options.Value.FormLifetimeHours))
        {
            return FormTiming.Expired;
        }

        return elapsed < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) ? FormTiming.TooFast : FormTiming.Ok;
    }
}

/// <summary>
/// The per-client limit on messages of support: a sliding window per client address, in memory (a second instance
/// keeps its own). The address is only a partition key: it is never stored or logged.
/// </summary>
public sealed class SupportMessageLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SupportMessageLimiter(IOptions<CampaignOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = o.MessagePermitLimit,
            Window = TimeSpan.FromSeconds(o.MessageWindowSeconds),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));
    }

    /// <returns>Null when the client may send; otherwise how long it should wait.</returns>
    public TimeSpan? TryAcquire(string clientKey)
    {
        using var lease = _limiter.AttemptAcquire(clientKey);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
