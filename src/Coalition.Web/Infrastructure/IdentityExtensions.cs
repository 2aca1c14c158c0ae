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
    /// <summary>
    /// How often a session's security stamp is checked: on every request, so sign-out, "sign out everywhere", a
    /// password change and a disabled account end a copied cookie at once (one indexed read per staff request).
    /// </summary>
    public static readonly TimeSpan StampValidationInterval = TimeSpan.Zero;

    private const string SignedInAtKey = ".coalition.signedInUtc";

    public static WebApplicationBuilder AddCoalitionIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PasswordHasherOptions>().Configure<IOptions<SecurityOptions>>((o, s) => o.IterationCount = s.Value.PasswordHashIterations);

        // AddIdentity, not AddDefaultIdentity: no Identity UI pages, so there is no public /Identity/Account/Register.
        builder.Services.AddIdentity<StaffUser, IdentityRole>(ConfigureIdentity)
            .AddUserStore<StaffUserStore>()
            .AddRoleStore<RoleStore<IdentityRole, CoalitionDbContext>>()
            .AddUserManager<StaffUserManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddUserConfirmation<StaffAccountConfirmation>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PasswordStrengthValidator>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName);

        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampValidationInterval);
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>, PublicUrls>(ConfigureCookie);
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
        builder.Services.AddScoped<NewDeviceAlerts>();
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

    /// <summary>The staff session cookie's name: with the <c>__Host-</c> prefix when the public address is https.</summary>
    public static string AuthCookieName(PublicUrls urls) => (urls.IsHttps ? "__Host-" : "") + "coalition.auth";

    private static void ConfigureCookie(CookieAuthenticationOptions o, IOptions<SecurityOptions> security, PublicUrls urls)
    {
        // __Host-: Secure, Path=/ and no Domain, so a sibling subdomain cannot set or shadow the session cookie.
        // Over plain http (Development, tests) browsers refuse the prefix, and SiteExtensions warns in Production.
        o.Cookie.Name = AuthCookieName(urls);
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = urls.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.Cookie.Path = "/";
        o.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.SessionIdleTimeoutMinutes);
        o.SlidingExpiration = true;
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/access-denied";
        o.ReturnUrlParameter = "returnUrl";

        // The sign-in page's address comes from the configured public origin, never from the Host header.
        var toLogin = o.Events.OnRedirectToLogin;
        var toDenied = o.Events.OnRedirectToAccessDenied;
        o.Events.OnRedirectToLogin = ctx =>
        {
            ctx.RedirectUri = urls.Rebase(ctx.RedirectUri);
            return toLogin(ctx);
        };
        o.Events.OnRedirectToAccessDenied = ctx =>
        {
            ctx.RedirectUri = urls.Rebase(ctx.RedirectUri);
            return toDenied(ctx);
        };

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
