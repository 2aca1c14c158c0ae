using System.Globalization;
using System.Threading.RateLimiting;
using Coalition.Web.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Coalition.Web.Infrastructure;

public static class RateLimitingExtensions
{
    public const string SignInPolicy = "sign-in";
    public const string PasswordResetPolicy = "password-reset";
    public const string InvitationPolicy = "invitation";
    public const string LegalAidRequestPolicy = "legal-aid-request";
    public const string SearchPolicy = "search";
    public const string UploadPolicy = "upload";
    public const string PasswordChangePolicy = "password-change";
    public const string EventRegistrationPolicy = "event-registration";

    /// <summary>
    /// Per-IP sliding windows on the account POSTs (<see cref="RateLimitOptions"/>). A refused request gets 429 with
    /// Retry-After and, through the status-code pages, the error page in the visitor's language. With <c>Cache:Redis</c>
    /// the windows are counted in Redis, so that several instances share one budget per address or account.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<CacheOptions>>((o, limits, cache) =>
        {
            var l = limits.Value;
            var prefix = cache.Value.KeyPrefix;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInPolicy, http => PerIp(http, prefix + SignInPolicy, l.SignInPermitLimit, l.SignInWindowSeconds));
            o.AddPolicy(PasswordResetPolicy, http => PerIp(http, prefix + PasswordResetPolicy, l.PasswordResetPermitLimit, l.PasswordResetWindowSeconds));
            o.AddPolicy(InvitationPolicy, http => PerIp(http, prefix + InvitationPolicy, l.InvitationPermitLimit, l.InvitationWindowSeconds));
            o.AddPolicy(UploadPolicy, http => PerStaff(http, prefix + UploadPolicy, l.UploadPermitLimit, l.UploadWindowSeconds));
            o.AddPolicy(PasswordChangePolicy, http => PerStaff(http, prefix + PasswordChangePolicy, l.PasswordChangePermitLimit, l.PasswordChangeWindowSeconds));
            o.AddPolicy(EventRegistrationPolicy, http => PerIp(http, prefix + EventRegistrationPolicy, l.EventRegistrationPermitLimit, l.EventRegistrationWindowSeconds));
            o.AddPolicy(LegalAidRequestPolicy, http => PerIp(http, prefix + LegalAidRequestPolicy, l.LegalAidRequestPermitLimit, l.LegalAidRequestWindowSeconds));
            o.AddPolicy(SearchPolicy, http => PerIp(http, prefix + SearchPolicy, l.SearchPermitLimit, l.SearchWindowSeconds));
        });
        return builder;
    }

    public static WebApplication UseCoalitionRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Per client address. <paramref name="policyKey"/> names the policy in Redis keys (in memory each policy has its own limiter).</summary>
    /// <remarks>Public for later policies (registrations, messages, search): each is one line with its own name.</remarks>
    public static RateLimitPartition<string> PerIp(HttpContext http, string policyKey, int permits, int windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Window(http, policyKey, "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permits, windowSeconds);
    }

    /// <summary>Per signed-in account (the limiter runs after authentication); per address for anyone else.</summary>
    public static RateLimitPartition<string> PerStaff(HttpContext http, string policyKey, int permits, int windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            ? Window(http, policyKey, "staff:" + id, permits, windowSeconds)
            : PerIp(http, policyKey, permits, windowSeconds);
    }

    /// <summary>A sliding window: in Redis when <c>Cache:Redis</c> is set, shared by every instance; in memory otherwise.</summary>
    private static RateLimitPartition<string> Window(HttpContext http, string policyKey, string partition, int permits, int windowSeconds)
    {
        if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            return RedisRateLimitPartition.GetSlidingWindowRateLimiter($"{policyKey}:{partition}", _ => new RedisSlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(windowSeconds),
                ConnectionMultiplexerFactory = () => redis,
            });
        }

        return RateLimitPartition.GetSlidingWindowLimiter(partition, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
    }
}
