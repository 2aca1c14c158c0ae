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
    public const string UploadPolicy = "upload";
    public const string PasswordChangePolicy = "password-change";
    public const string EventRegistrationPolicy = "event-registration";

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
            o.AddPolicy(UploadPolicy, http => PerStaff(http, l.UploadPermitLimit, l.UploadWindowSeconds));
            o.AddPolicy(PasswordChangePolicy, http => PerStaff(http, l.PasswordChangePermitLimit, l.PasswordChangeWindowSeconds));
            o.AddPolicy(EventRegistrationPolicy, http => PerIp(http, l.EventRegistrationPermitLimit, l.EventRegistrationWindowSeconds));
        });
        return builder;
    }

    public static WebApplication UseCoalitionRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int permits, int windowSeconds) =>
        Window("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permits, windowSeconds);

    /// <summary>Per signed-in account (the limiter runs after authentication); per address for anyone else.</summary>
    private static RateLimitPartition<string> PerStaff(HttpContext http, int permits, int windowSeconds) =>
        http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            ? Window("staff:" + id, permits, windowSeconds)
            : PerIp(http, permits, windowSeconds);

    private static RateLimitPartition<string> Window(string partition, int permits, int windowSeconds) =>
        RateLimitPartition.GetSlidingWindowLimiter(partition, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(windowSeconds),
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        });
}
