using System.Globalization;
using System.Threading.RateLimiting;
using Coalition.Web.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class RateLimitingExtensions
{
    public const string SignInPolicy = "sign-in";
    public const string PasswordResetPolicy = "password-reset";
    public const string InvitationPolicy = "invitation";
    public const string SearchPolicy = "search";

    /// <summary>
    /// Per-IP sliding windows on the account POSTs (<see cref="RateLimitOptions"/>). A refused request gets 429 with
    /// Retry-After and, through the status-code pages, the error page in the visitor's language.
    /// </summary>
    public static WebApplicationBuilder AddCoalitionRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInPolicy, http => PerIp(http, l.SignInPermitLimit, l.SignInWindowSeconds));
            o.AddPolicy(PasswordResetPolicy, http => PerIp(http, l.PasswordResetPermitLimit, l.PasswordResetWindowSeconds));
            o.AddPolicy(InvitationPolicy, http => PerIp(http, l.InvitationPermitLimit, l.InvitationWindowSeconds));
            o.AddPolicy(SearchPolicy, http => PerIp(http, l.SearchPermitLimit, l.SearchWindowSeconds));
        });
        return builder;
    }

    public static WebApplication UseCoalitionRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int permits, int windowSeconds) =>
        RateLimitPartition.GetSlidingWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
}
