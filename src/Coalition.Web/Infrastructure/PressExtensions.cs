using System.Threading.RateLimiting;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Press;
using Coalition.Web.Options;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class PressExtensions
{
    public const string SubscribePolicy = "press-subscribe";
    public const string AccessPolicy = "press-access";

    /// <summary>
    /// The press room: its queries, access links, subscriptions, mails, the alert job, the ManageSubscribers policy,
    /// and its rate limits. Its feed, mails and links use <see cref="PublicUrls"/> (<c>Site:PublicBaseUrl</c>).
    /// </summary>
    public static WebApplicationBuilder AddCoalitionPress(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PressOptions>().BindConfiguration(PressOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddScoped<PressRoomQueries>();
        builder.Services.AddScoped<PressAccessLinks>();
        builder.Services.AddScoped<PressSubscriptions>();
        builder.Services.AddScoped<PressMails>();
        builder.Services.AddScoped<PressFiles>();
        builder.Services.AddScoped<PressAdmin>();
        builder.Services.AddScoped<PressDemoSeeder>();
        builder.Services.AddSingleton<PressAlerts>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PressAlerts>());
        builder.Services.AddScoped<Features.Publishing.IContentChangeListener, PressAlertTrigger>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ManageSubscribers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<PressOptions>>((o, press) =>
        {
            var p = press.Value;
            o.AddPolicy(SubscribePolicy, http => PerIp(http, p.SubscribePermitLimit, p.SubscribeWindowSeconds));
            o.AddPolicy(AccessPolicy, http => PerIp(http, p.AccessPermitLimit, p.AccessWindowSeconds));
        });
        return builder;
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
