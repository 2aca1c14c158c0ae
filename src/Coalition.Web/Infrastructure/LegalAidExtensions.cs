using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.LegalAid;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Coalition.Web.Infrastructure;

public static class LegalAidExtensions
{
    /// <summary>The Legal Aid page, the sealed request form, the inbox and its unlocked keys, and retention.</summary>
    public static WebApplicationBuilder AddCoalitionLegalAid(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LegalAidOptions>()
            .BindConfiguration(LegalAidOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.LegalAid, p => p.RequireAuthenticatedUser().RequireRole(Roles.LegalAid));

        builder.Services.AddSingleton<LegalAidVault>();
        builder.Services.AddSingleton<LegalAidFormGuard>();
        builder.Services.AddScoped<LegalAidUnlock>();
        builder.Services.AddScoped<LegalAidKeys>();
        builder.Services.AddScoped<LegalAidRequests>();
        builder.Services.AddScoped<LegalAidInbox>();
        builder.Services.AddScoped<Coalition.Web.Features.Publishing.IDashboardPanel, LegalAidDashboardPanel>();
        builder.Services.AddSingleton<LegalAidRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LegalAidRetentionService>());

        // Signing out locks the member's inbox at once, before the cookie is even gone.
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<LegalAidVault>((o, vault) =>
            {
                var signingOut = o.Events.OnSigningOut;
                o.Events.OnSigningOut = async ctx =>
                {
                    vault.DiscardUser(ctx.HttpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
                    await signingOut(ctx);
                };
            });
        return builder;
    }
}
