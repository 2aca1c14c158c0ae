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

    /// <summary>
    /// Per-IP sliding windows on the account POSTs (<see cref="RateLimitOptions"/>). A refused request gets 429 with
    /// Retry-After and, through the status-code pages, the error page in the visitor's language. With <c>Cache:Redis</c>
    /// the windows are counted in Redis, so that several instances share one budget per address.
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
        });
        return builder;
    }

    public static WebApplication UseCoalitionRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>A sliding window per client address: in Redis when <c>Cache:Redis</c> is set (keys name the policy), else in memory.</summary>
    /// <remarks>Public for later policies (uploads, registrations, messages, search): each is one line with its own name.</remarks>
    public static RateLimitPartition<string> PerIp(HttpContext http, string policyKey, int permits, int windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (http.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
        {
            return RedisRateLimitPartition.GetSlidingWindowRateLimiter($"{policyKey}:{address}", _ => new RedisSlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromSeconds(windowSeconds),
                ConnectionMultiplexerFactory = () => redis,
            });
        }

        return RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
    }
}
