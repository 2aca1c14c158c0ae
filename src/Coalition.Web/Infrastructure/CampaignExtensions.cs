using Coalition.Web.Features.Campaigns;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;

namespace Coalition.Web.Infrastructure;

public static class CampaignExtensions
{
    /// <summary>Campaign pages, the active-campaign banner, messages of support and their moderation, limit and retention.</summary>
    public static WebApplicationBuilder AddCoalitionCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CampaignOptions>()
            .BindConfiguration(CampaignOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CampaignPages>();
        builder.Services.AddScoped<CampaignTools>();
        builder.Services.AddScoped<SupportMessages>();
        builder.Services.AddSingleton<MessageFormGuard>();
        builder.Services.AddSingleton<SupportMessageLimiter>();
        builder.Services.AddScoped<IDashboardPanel, SupportMessagesPanel>();
        builder.Services.AddSingleton<RejectedMessageRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RejectedMessageRetentionService>());
        builder.Services.AddScoped<Features.Demo.DemoCampaignSeeder>();
        return builder;
    }
}
