using Coalition.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Coalition.Web.Infrastructure;

public static class SecurityExtensions
{
    public static WebApplicationBuilder AddCoalitionSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueCountLimit = 200;
            o.ValueLengthLimit = 1024 * 1024;
        });
        return builder;
    }

    /// <summary>Data Protection keys (cookies, antiforgery, invitation and reset links) live in the database, shared by every instance and kept across deploys.</summary>
    public static WebApplicationBuilder AddCoalitionDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<CoalitionDbContext>();
        return builder;
    }

    /// <summary>Fixed, so that every instance and every deploy reads the same keys whatever its path.</summary>
    public const string DataProtectionApplicationName = "Coalition.Portal";

    public static WebApplication UseCoalitionSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
