using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class MailExtensions
{
    /// <summary>
    /// Outgoing e-mail: SMTP through MailKit when <c>Mail:SmtpHost</c> is set, otherwise .eml files in <c>Mail:PickupFolder</c>;
    /// queued messages go through the durable, encrypted outbox with retries (<see cref="MailOutbox"/>).
    /// </summary>
    public static WebApplicationBuilder AddCoalitionMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddSingleton<PickupFolderMailSender>();
        builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupFolderMailSender>());
        builder.Services.AddSingleton<MailQueue>();
        builder.Services.AddScoped<MailOutbox>();
        builder.Services.AddHostedService<MailOutboxWorker>();
        builder.Services.AddHealthChecks().AddCheck<MailOutboxHealthCheck>("mail", tags: [HealthExtensions.ReadyTag]);
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<AccountLinks>();
        return builder;
    }
}
