using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Demo;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;

namespace Coalition.Web.Infrastructure;

public static class PublishingExtensions
{
    /// <summary>The shared content mechanisms (editing, queries, revisions, share links, trash, audit) and demo seeding.</summary>
    public static WebApplicationBuilder AddCoalitionPublishing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublishingOptions>()
            .BindConfiguration(PublishingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentStaff>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped(typeof(ContentEditor<>));
        builder.Services.AddScoped<ContentQueries>();
        builder.Services.AddScoped<ContentAdminQueries>();
        builder.Services.AddScoped<RevisionStore>();
        builder.Services.AddScoped<ShareLinkService>();
        builder.Services.AddScoped(typeof(Coalition.Web.Areas.Admin.Controllers.ContentAdminServices<>));
        builder.Services.AddSingleton<TrashRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrashRetentionService>());
        builder.Services.AddScoped<DemoContentSeeder>();
        builder.Services.AddScoped<StarterContentSeeder>();
        builder.Services.AddSingleton<ReservedSlugs>();
        return builder;
    }
}
