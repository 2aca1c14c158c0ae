using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>
/// The real app, environment "Testing", on its own SQLite file under the temp folder (deleted on dispose).
/// No demo content unless a subclass says so (<see cref="DemoCoalitionAppFactory"/>), no log file.
/// One factory serves one test class; tests share its database, so each makes its own uniquely named data.
/// The app's <see cref="TimeProvider"/> is <see cref="Clock"/>: time stands still until a test moves it.
/// </summary>
public class CoalitionAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The password of every account made by <see cref="CreateStaffAsync"/>: long enough for the app's policy.</summary>
    public const string StaffPassword = "correct horse battery staple";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"coalition-tests-{Guid.NewGuid():N}.db");

    // Uploaded and demo media, and mail written as files: under the temp folder too, never in the source tree.
    private readonly string _filesFolder = Path.Combine(Path.GetTempPath(), $"coalition-tests-{Guid.NewGuid():N}");

    /// <summary>Whether the app fills the empty database with its demo news and pages at startup.</summary>
    protected virtual bool SeedDemo => false;

    /// <summary>When <see cref="Clock"/> starts: 10:00 in Dushanbe on 5 May 2026.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 5, 5, 5, 0, 0, TimeSpan.Zero);

    public string DatabasePath => _databasePath;

    /// <summary>The app's clock. Tests move it forward with <see cref="FakeTimeProvider.Advance"/>; they never sleep.
    /// Tests of one class share it, so they take times from <see cref="UtcNow"/>, not from <see cref="StartTime"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The app's "now" as stored in the database.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Coalition", $"Data Source={_databasePath}");
        builder.UseSetting("Seed:Demo", SeedDemo ? "true" : "false");
        builder.UseSetting("LogFile:Enabled", "false");
        // Fast password hashing for test sign-ins; the production default (600,000) is asserted by PasswordHashingTests.
        builder.UseSetting("Security:PasswordHashIterations", "1000");
        builder.UseSetting("Media:DataFolder", Path.Combine(_filesFolder, "media"));
        builder.UseSetting("Mail:PickupFolder", Path.Combine(_filesFolder, "mail"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Editors sign in with a password alone here; Administrators still need their authenticator (see SignedInClientAsync).
        builder.UseSetting("Security:RequireTwoFactorForAllStaff", "false");
        // Every request of a test run comes from one address: the per-IP sign-in limit is tested on its own (RateLimitTests).
        builder.UseSetting("RateLimits:SignInPermitLimit", "1000");
        builder.UseSetting("RateLimits:UploadPermitLimit", "1000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, so tests see every 302.</summary>
    public HttpClient CreateBrowser(string? acceptLanguage = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    /// <summary>
    /// Creates a staff account with <see cref="StaffPassword"/>, in <paramref name="role"/> unless it is null.
    /// Administrators always have two-factor sign-in, so theirs comes with an enrolled authenticator.
    /// </summary>
    public async Task<StaffCredentials> CreateStaffAsync(string? role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid():N}@example.org";
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = role ?? "No role",
            CreatedUtc = UtcNow,
        };
        Check(await users.CreateAsync(user, StaffPassword));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        if (role != Coalition.Web.Features.Accounts.Roles.Administrator)
        {
            return new StaffCredentials(user.Id, email, StaffPassword);
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return new StaffCredentials(user.Id, email, StaffPassword, await users.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>A client signed in through the real login form (with its antiforgery token) as <paramref name="staff"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(StaffCredentials staff, string? acceptLanguage = "en")
    {
        ArgumentNullException.ThrowIfNull(staff);
        var client = CreateBrowser(acceptLanguage);
        using var response = await client.PostFormAsync("/account/login", "/account/login", new()
        {
            ["Email"] = staff.Email,
            ["Password"] = staff.Password,
            ["ReturnUrl"] = "",
        });
        var location = response.Headers.Location?.OriginalString;
        if (location?.StartsWith("/account/login/two-factor", StringComparison.Ordinal) == true && staff.AuthenticatorKey is { } key)
        {
            // The app accepts each 30-second step once per account: move to a fresh step, as a person would wait.
            Clock.Advance(TimeSpan.FromSeconds(30));
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
                .ComputeTotp(Clock.GetUtcNow().UtcDateTime);
            using var second = await client.PostFormAsync(location, "/account/login/two-factor", new() { ["Code"] = code });
            location = second.Headers.Location?.OriginalString;
        }

        if (location is null || location.StartsWith("/account/login", StringComparison.Ordinal))
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {staff.Email} did not succeed (answered {(int)response.StatusCode}, to {location}).");
        }

        return client;
    }

    /// <summary>A client signed in as a new account in <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role) => await SignedInClientAsync(await CreateStaffAsync(role));

    /// <summary>Runs <paramref name="action"/> on the app's own context in a scope of its own.</summary>
    public async Task ExecuteDbAsync(Func<CoalitionDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    /// <summary>Reads something from the database in a scope of its own.</summary>
    public async Task<T> QueryDbAsync<T>(Func<CoalitionDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    /// <summary>Creates a news article through the app's <see cref="ContentEditor{T}"/>; returns its id and slug.</summary>
    public async Task<(int Id, string Slug)> CreateNewsAsync(string title, bool publish, string culture = "ru", string? slug = null, string body = "Text of the article.")
    {
        await using var scope = Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>();
        var result = await editor.CreateAsync(new ContentInput(culture, title, slug, Summary: null, body, Version: 0), publish ? SaveAction.Publish : SaveAction.Draft, userId: null);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the article '{title}': {result.Outcome}.");
        }

        var item = await editor.FindAsync(result.Id);
        return (result.Id, item!.Slug);
    }

    /// <summary>Translates article <paramref name="sourceId"/> into <paramref name="culture"/> as "Translate to…" does, then gives it
    /// <paramref name="title"/> and, unless <paramref name="publish"/> is false, publishes it; returns its id and slug.</summary>
    public async Task<(int Id, string Slug)> TranslateNewsAsync(int sourceId, string culture, string title, bool publish = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<NewsArticle>>();
        var created = await editor.CreateTranslationAsync(sourceId, culture, userId: null);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not translate article {sourceId} into {culture}: {created.Outcome}.");
        }

        var draft = await editor.FindAsync(created.Id);
        var saved = await editor.UpdateAsync(created.Id, new ContentInput(culture, title, null, draft!.Summary, draft.BodyMarkdown, draft.Version), publish ? SaveAction.Publish : SaveAction.Draft, userId: null);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"Could not save the translation '{title}': {saved.Outcome}.");
        }

        var item = await editor.FindAsync(created.Id);
        return (item!.Id, item.Slug);
    }

    /// <summary>Every endpoint in the app's routing table: HTTP method ("*" when it takes any), route pattern
    /// ("/admin/news/{id:int}/edit") and MVC area.</summary>
    public IReadOnlyList<(string Method, string Pattern, string? Area)> Endpoints() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["*"])
                .Select(method => (
                    method,
                    "/" + e.RoutePattern.RawText!.TrimStart('/'),
                    e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action && action.RouteValues.TryGetValue("area", out var area) ? area : null)))
            .Distinct()
            .ToList();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(_databasePath + suffix);
            }

            if (Directory.Exists(_filesFolder))
            {
                Directory.Delete(_filesFolder, recursive: true);
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

/// <summary>The app with its demo news and pages, as a new installation in Development has them.</summary>
public sealed class DemoCoalitionAppFactory : CoalitionAppFactory
{
    protected override bool SeedDemo => true;
}

/// <param name="AuthenticatorKey">The enrolled authenticator's key, for accounts with two-factor sign-in.</param>
public sealed record StaffCredentials(string Id, string Email, string Password, string? AuthenticatorKey = null);
