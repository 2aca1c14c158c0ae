using Coalition.Web.Features.Events;
using Coalition.Web.Features.Publishing;
using Coalition.Web.Options;

namespace Coalition.Web.Infrastructure;

public static class EventExtensions
{
    /// <summary>Events: registrations with their lock and mails, public lists, the staff side, the dashboard panel, promotions after a capacity change, and the retention job.</summary>
    public static WebApplicationBuilder AddCoalitionEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventOptions>()
            .BindConfiguration(EventOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<EventRegistrations>();
        builder.Services.AddScoped<EventMails>();
        builder.Services.AddScoped<EventQueries>();
        builder.Services.AddScoped<RegistrationAdmin>();
        builder.Services.AddScoped<Coalition.Web.Features.Demo.DemoEventSeeder>();
        builder.Services.AddScoped<IDashboardPanel, EventsDashboardPanel>();
        builder.Services.AddScoped<IContentChangeListener, EventCapacityListener>();
        builder.Services.AddSingleton<EventRegistrationJobs>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventRegistrationJobs>());
        return builder;
    }
}
