using System.Net;
using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using OtpNet;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// The real app for the staff-security tests: environment "Testing", its own temporary SQLite file (deleted on
/// dispose), no demo content, no log file, a <see cref="FakeTimeProvider"/> as the app's clock, and a real SMTP server
/// (netDumbster) in the test process that receives the app's e-mails through MailKit.
/// Two-factor sign-in is required for all staff, as in production; subclasses change settings.
/// Integration tests of other features can set <c>Security:RequireTwoFactorForAllStaff=false</c> to sign Editors in
/// with a password only; Administrators need an authenticator all the same (<see cref="CreateStaffAsync"/> with
/// <c>twoFactor: true</c>, then <see cref="SignInAsync"/>).
/// </summary>
public class SecurityAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "tangerine orbit lantern";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"coalition-security-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;

    public SecurityAppFactory()
        : this([])
    {
    }

    protected SecurityAppFactory(Dictionary<string, string?> settings)
    {
        _settings = settings;
        Smtp = Configuration.Configure().WithRandomPort().Build();
    }

    /// <summary>The app's clock. Advancing it moves cookies, security-stamp checks, link expiry and TOTP steps.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The SMTP server that receives the app's e-mails.</summary>
    public SimpleSmtpServer Smtp { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Coalition"] = $"Data Source={_databasePath}",
            ["Seed:Demo"] = "false",
            ["LogFile:Enabled"] = "false",
            ["Security:PasswordHashIterations"] = "1000", // fast test sign-ins; see PasswordHashingTests
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Security:RequireTwoFactorForAllStaff"] = "true",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpSecurity"] = "None",
            ["Mail:From"] = "portal@coalition.example",
            ["Mail:LinkBaseUrl"] = "http://localhost",
            // High enough that only the rate-limit tests, with their own factory, ever see a 429.
            ["RateLimits:SignInPermitLimit"] = "10000",
            ["RateLimits:PasswordResetPermitLimit"] = "10000",
            ["RateLimits:InvitationPermitLimit"] = "10000",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureServices(services);
        });
    }

    /// <summary>More test services, after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A browser: its own cookies, no automatic redirects, the given interface language.</summary>
    public SecurityBrowser Browser(string language = "en") => new(this, language);

    /// <summary>A browser for https://localhost, to see what changes on a secure connection.</summary>
    public SecurityBrowser SecureBrowser(string language = "en") => new(this, language, new Uri("https://localhost"));

    /// <summary>A staff account with <see cref="Password"/>; with <paramref name="twoFactor"/>, an enrolled authenticator and 10 recovery codes.</summary>
    public async Task<TestStaff> CreateStaffAsync(string role, bool twoFactor = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role, CreatedUtc = Clock.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (!twoFactor)
        {
            return new TestStaff(user.Id, email, Password, null, []);
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return new TestStaff(user.Id, email, Password, await users.GetAuthenticatorKeyAsync(user), codes);
    }

    /// <summary>
    /// The code an authenticator app shows for the next 30-second step: the clock moves on one step first, because
    /// the app accepts each step only once per account.
    /// </summary>
    public string NextCode(string authenticatorKey)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return CodeNow(authenticatorKey);
    }

    /// <summary>The code for the current step, without moving the clock.</summary>
    public string CodeNow(string authenticatorKey, int stepOffset = 0) =>
        new Totp(Base32Encoding.ToBytes(authenticatorKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * stepOffset));

    /// <summary>Signs in through the real forms: password, then the authenticator code when the account has one.</summary>
    public async Task<SecurityBrowser> SignInAsync(TestStaff staff, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(staff);
        var browser = Browser(language);
        using var response = await browser.SubmitAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        var location = response.Headers.Location?.OriginalString;
        if (location?.StartsWith("/account/login/two-factor", StringComparison.Ordinal) == true)
        {
            using var second = await browser.SubmitAsync(location, "/account/login/two-factor", new() { ["Code"] = NextCode(staff.AuthenticatorKey!) });
            location = second.Headers.Location?.OriginalString;
        }

        if (location is null || location.StartsWith("/account/login", StringComparison.Ordinal))
        {
            browser.Dispose();
            throw new InvalidOperationException($"Sign-in of {staff.Email} did not succeed.");
        }

        return browser;
    }

    /// <summary>The first message to <paramref name="address"/> that the SMTP server receives, within a few seconds.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Smtp.ReceivedEmail.FirstOrDefault(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(found.Data)));
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No e-mail to {address} arrived.");
    }

    public int MailCountTo(string address) =>
        Smtp.ReceivedEmail.Count(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)));

    public async Task<T> QueryAsync<T>(Func<IServiceProvider, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider);
    }

    public Task<T> QueryDbAsync<T>(Func<CoalitionDbContext, Task<T>> query) =>
        QueryAsync(sp => query(sp.GetRequiredService<CoalitionDbContext>()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(_databasePath + suffix);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TestStaff(string Id, string Email, string Password, string? AuthenticatorKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>Settings of integration tests of other features: two-factor sign-in required for Administrators only.</summary>
public sealed class RelaxedTwoFactorAppFactory() : SecurityAppFactory(new() { ["Security:RequireTwoFactorForAllStaff"] = "false" });

/// <summary>Low per-IP limits, so that a few POSTs reach them.</summary>
public sealed class LowRateLimitAppFactory() : SecurityAppFactory(new()
{
    ["RateLimits:SignInPermitLimit"] = "3",
    ["RateLimits:SignInWindowSeconds"] = "600",
    ["RateLimits:PasswordResetPermitLimit"] = "2",
    ["RateLimits:PasswordResetWindowSeconds"] = "600",
});

/// <summary>
/// Behind a proxy at 10.20.30.40 (every request seems to come from it; a real connection cannot be faked here),
/// with a sign-in limit of 2 POSTs per visitor.
/// </summary>
public sealed class ProxiedAppFactory() : SecurityAppFactory(new()
{
    ["ReverseProxy:KnownProxies:0"] = Proxy.ToString(),
    ["RateLimits:SignInPermitLimit"] = "2",
    ["RateLimits:SignInWindowSeconds"] = "600",
})
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FromProxy());

    private sealed class FromProxy : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = Proxy;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityAppFactory>
{
    /// <summary>The security tests share one app and run one class at a time: the machine has two cores.</summary>
    public const string Name = "Security";
}
