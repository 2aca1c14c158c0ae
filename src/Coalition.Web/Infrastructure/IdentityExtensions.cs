using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static class IdentityExtensions
{
    /// <summary>How often a session's security stamp is checked: "sign out everywhere" and a disabled account take effect within it.</summary>
    public static readonly TimeSpan StampValidationInterval = TimeSpan.FromMinutes(1);

    private const string SignedInAtKey = ".coalition.signedInUtc";

    public static WebApplicationBuilder AddCoalitionIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // AddIdentity, not AddDefaultIdentity: no Identity UI pages, so there is no public /Identity/Account/Register.
        builder.Services.AddIdentity<StaffUser, IdentityRole>(ConfigureIdentity)
            .AddUserStore<StaffUserStore>()
            .AddRoleStore<RoleStore<IdentityRole, CoalitionDbContext>>()
            .AddUserManager<StaffUserManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddUserConfirmation<StaffAccountConfirmation>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);

        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampValidationInterval);
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>(ConfigureCookie);
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add<TwoFactorEnrolmentFilter>());

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ViewRegistrations, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Editor).RequireRole(Roles.ViewRegistrations));

        builder.Services.AddScoped<StaffSeeder>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddScoped<TwoFactorEnrolment>();
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions o)
    {
        // NIST 800-63B: length and a list of common passwords (CommonPasswordValidator), no composition rules.
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = true; // StaffAccountConfirmation: "not disabled"
        o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
        o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, IOptions<SecurityOptions> security)
    {
        o.Cookie.Name = "coalition.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.SessionIdleTimeoutMinutes);
        o.SlidingExpiration = true;
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/access-denied";
        o.ReturnUrlParameter = "returnUrl";

        // The first sign-in time is kept in the ticket (IssuedUtc moves with sliding renewal) for the absolute limit.
        o.Events.OnSigningIn = ctx =>
        {
            ctx.Properties.Items.TryAdd(SignedInAtKey, ctx.Options.TimeProvider!.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = async ctx =>
        {
            // Identity's stamp check first: replacing it would silently turn off "sign out everywhere".
            await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            if (ctx.Principal is not null && ctx.Properties.Items.TryGetValue(SignedInAtKey, out var ticks)
                && long.TryParse(ticks, System.Globalization.CultureInfo.InvariantCulture, out var signedIn)
                && ctx.Options.TimeProvider!.GetUtcNow().UtcTicks - signedIn > TimeSpan.FromHours(security.Value.SessionAbsoluteTimeoutHours).Ticks)
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
    }
}
