using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using OtpNet;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>
/// The real app, environment "Testing", on its own SQLite file and files folder under the temp folder (deleted on
/// dispose), no demo content, no log file, a real SMTP server in the test process (netDumbster) that receives the
/// app's e-mails through MailKit, and <see cref="Clock"/> as the app's <see cref="TimeProvider"/>: time stands still
/// until a test moves it.
/// Editors sign in with a password alone; Administrators always need their authenticator.
/// One factory serves one test class (or one collection); tests share its database, so each makes its own uniquely named data.
/// Other settings: the small derived factories at the end of this file, or a derived class of your own that passes
/// its settings to the protected constructor.
/// </summary>
public class CoalitionAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The password of every account made by <see cref="CreateStaffAsync"/>: long enough for the app's policy.</summary>
    public const string StaffPassword = "correct horse battery staple";

    /// <summary>When <see cref="Clock"/> starts: 10:00 in Dushanbe on 5 May 2026.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 5, 5, 5, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"coalition-tests-{Guid.NewGuid():N}.db");

    // Uploaded and demo media: under the temp folder too, never in the source tree.
    private readonly string _filesFolder = Path.Combine(Path.GetTempPath(), $"coalition-tests-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> _settings;

    public CoalitionAppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration keys ("RateLimits:SignInPermitLimit") that replace or add to the defaults.</param>
    protected CoalitionAppFactory(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Smtp = Configuration.Configure().WithRandomPort().Build();
        Smtp.MessageReceived += (_, e) => _mail.Enqueue(e.Message);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Coalition"] = $"Data Source={_databasePath}",
            ["Seed:Demo"] = "false",
            ["LogFile:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Media:DataFolder"] = MediaFolder,
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpSecurity"] = "None",
            ["Mail:From"] = "portal@coalition.example",
            ["Security:RequireTwoFactorForAllStaff"] = "false",
            // Every request of a test run comes from one address: only the rate-limit tests, with their own factory, see a 429.
            ["RateLimits:SignInPermitLimit"] = "10000",
            ["RateLimits:PasswordResetPermitLimit"] = "10000",
            ["RateLimits:InvitationPermitLimit"] = "10000",
            ["Campaigns:MessagePermitLimit"] = "10000",
            // Site search: the index under the temp folder too; searches unlimited except in the rate-limit test.
            ["Search:IndexPath"] = SearchIndexFolder,
            ["RateLimits:SearchPermitLimit"] = "100000",
            ["RateLimits:UploadPermitLimit"] = "10000",
            ["RateLimits:PasswordChangePermitLimit"] = "10000",
            // Fast password hashing for test sign-ins; the production default (600,000) is asserted by PasswordPolicyTests.
            ["Security:PasswordHashIterations"] = "1000",
            ["Press:SubscribePermitLimit"] = "10000",
            ["Press:AccessPermitLimit"] = "10000",
            ["RateLimits:EventRegistrationPermitLimit"] = "10000",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public string DatabasePath => _databasePath;

    /// <summary>Where the app keeps its search index (<c>Search:IndexPath</c>).</summary>
    public string SearchIndexFolder => Path.Combine(_filesFolder, "search");

    /// <summary>Where the app keeps uploaded media (<c>Media:DataFolder</c>).</summary>
    public string MediaFolder => Path.Combine(_filesFolder, "media");

    /// <summary>The app's clock. Tests move it forward with <see cref="FakeTimeProvider.Advance"/>; they never sleep.
    /// Advancing it moves cookies, security-stamp checks, link expiry and TOTP steps.
    /// Tests of one class share it, so they take times from <see cref="UtcNow"/>, not from <see cref="StartTime"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The app's "now" as stored in the database.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The SMTP server that receives the app's e-mails.</summary>
    public SimpleSmtpServer Smtp { get; }

    private readonly System.Collections.Concurrent.ConcurrentQueue<SmtpMessage> _mail = new();

    /// <summary>
    /// Every message the SMTP server has received so far. Read this, not <c>ReceivedMail</c>: netDumbster's own
    /// list can throw when read while the app's mail loop delivers another message.
    /// </summary>
    public IReadOnlyList<SmtpMessage> ReceivedMail => [.. _mail];

    /// <summary>Whether this factory's app asks every staff member, not only Administrators, for an authenticator code.</summary>
    public bool TwoFactorForAllStaff => string.Equals(_settings["Security:RequireTwoFactorForAllStaff"], "true", StringComparison.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");

        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before the host is built.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ConfigureTestServices(services);
        });
    }

    /// <summary>More test services, after the app's own.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// A browser-like client: keeps cookies (in <see cref="Browser.Cookies"/>, for the test to see and copy), does not
    /// follow redirects, so tests see every 302. With <paramref name="https"/>, its address is https://localhost.
    /// </summary>
    public Browser CreateBrowser(string? acceptLanguage = null, bool https = false)
    {
        var cookies = new CookieContainer();
        var browser = new Browser(new CookieHandler(cookies) { InnerHandler = Server.CreateHandler() }, cookies)
        {
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        };
        if (acceptLanguage is not null)
        {
            browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return browser;
    }

    /// <summary>
    /// Creates a staff account with <see cref="StaffPassword"/>, in <paramref name="role"/> unless it is null.
    /// With <paramref name="twoFactor"/> it has an enrolled authenticator and 10 recovery codes; when null, it has them
    /// when signing in needs them: always for Administrators, for everyone when <see cref="TwoFactorForAllStaff"/>.
    /// </summary>
    public async Task<StaffCredentials> CreateStaffAsync(string? role, bool? twoFactor = null)
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

        if (!(twoFactor ?? (role == Roles.Administrator || (role is not null && TwoFactorForAllStaff))))
        {
            return new StaffCredentials(user.Id, email, StaffPassword, null, []);
        }

        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return new StaffCredentials(user.Id, email, StaffPassword, await users.GetAuthenticatorKeyAsync(user), codes);
    }

    /// <summary>
    /// A browser signed in as <paramref name="staff"/> through the real forms: password, then, when the app asks, the
    /// authenticator code. Throws <see cref="InvalidOperationException"/> when the sign-in does not succeed.
    /// </summary>
    public async Task<Browser> SignedInClientAsync(StaffCredentials staff, string? acceptLanguage = "en", bool https = false)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var client = CreateBrowser(acceptLanguage, https);
        using var response = await client.SubmitFormAsync("/account/login", "/account/login", new()
        {
            ["Email"] = staff.Email,
            ["Password"] = staff.Password,
        });
        var location = response.Headers.Location?.OriginalString;
        if (location?.StartsWith("/account/login/two-factor", StringComparison.Ordinal) == true && staff.AuthenticatorKey is { } key)
        {
            using var second = await client.SubmitFormAsync(location, "/account/login/two-factor", new() { ["Code"] = NextCode(key) });
            location = second.Headers.Location?.OriginalString;
        }

        if (location is null || location.StartsWith("/account/login", StringComparison.Ordinal))
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {staff.Email} did not succeed (answered {(int)response.StatusCode}, to {location}).");
        }

        return client;
    }

    /// <summary>A browser signed in as a new account in <paramref name="role"/>.</summary>
    public async Task<Browser> SignedInClientAsync(string role) => await SignedInClientAsync(await CreateStaffAsync(role));

    /// <summary>
    /// The code an authenticator app shows for the next 30-second step: <see cref="Clock"/> moves on one step first,
    /// as a person would wait, because the app accepts each step only once per account.
    /// </summary>
    public string NextCode(string authenticatorKey)
    {
        Clock.Advance(TimeSpan.FromSeconds(30));
        return CodeNow(authenticatorKey);
    }

    /// <summary>The code for the current step (or <paramref name="stepOffset"/> steps away), without moving the clock.</summary>
    public string CodeNow(string authenticatorKey, int stepOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(authenticatorKey);
        return new Totp(Base32Encoding.ToBytes(authenticatorKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(UtcNow.AddSeconds(30 * stepOffset));
    }

    /// <summary>The first message to <paramref name="address"/> that the SMTP server receives, within a few seconds.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address)
    {
        // The one real wait of the tests: the app sends from a background queue over a real socket.
        for (var i = 0; i < 100; i++)
        {
            var found = ReceivedMail.FirstOrDefault(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(found.Data)));
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No e-mail to {address} arrived.");
    }

    /// <summary>How many messages to <paramref name="address"/> the SMTP server has received so far.</summary>
    public int MailCountTo(string address) =>
        ReceivedMail.Count(m => m.ToAddresses.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Forgets every message received so far.</summary>
    public void ClearMail()
    {
        Smtp.ClearReceivedEmail();
        _mail.Clear();
    }

    /// <summary>A singleton service of the app (for scoped ones: <see cref="QueryAsync{T}"/>).</summary>
    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="query"/> on the app's services in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<IServiceProvider, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider);
    }

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

    /// <summary>
    /// Posts the media library's upload form as a browser would (multipart, with the page's antiforgery token) from
    /// <paramref name="client"/>, signed in as staff; the response is not followed.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string? altEn = "A test image", bool decorative = false, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await client.GetAntiforgeryTokenAsync("/admin/media");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(content, "File", fileName);
        form.Add(new StringContent(altEn ?? ""), "AltEn");
        form.Add(new StringContent(decorative ? "true" : "false"), "Decorative");
        form.Add(new StringContent(token), BrowserExtensions.AntiforgeryField);
        return await client.PostAsync(new Uri("/admin/media/upload", UriKind.Relative), form);
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
            Smtp.Dispose();
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(_databasePath + suffix);
            }

            try
            {
                if (Directory.Exists(_filesFolder))
                {
                    Directory.Delete(_filesFolder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still open on a slow disk: the OS cleans temp folders.
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

    /// <summary>Keeps cookies in a container the test owns (WebApplicationFactory's own handler hides them).</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }

            return response;
        }
    }
}

/// <summary>An <see cref="HttpClient"/> that behaves like a browser (see <see cref="CoalitionAppFactory.CreateBrowser"/>),
/// with its cookies in view; <see cref="BrowserExtensions"/> does the rest.</summary>
public sealed class Browser(HttpMessageHandler handler, CookieContainer cookies) : HttpClient(handler)
{
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>Copies this browser's cookies into <paramref name="other"/>, as a thief with a stolen cookie would; returns <paramref name="other"/>.</summary>
    public Browser CopyCookiesTo(Browser other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Cookies.Add(Cookies.GetAllCookies());
        return other;
    }
}

/// <param name="AuthenticatorKey">The enrolled authenticator's key, for accounts with two-factor sign-in.</param>
/// <param name="RecoveryCodes">Its 10 recovery codes; empty without two-factor sign-in.</param>
public sealed record StaffCredentials(string Id, string Email, string Password, string? AuthenticatorKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>The app with its demo news and pages, as a new installation in Development has them.</summary>
public sealed class DemoCoalitionAppFactory() : CoalitionAppFactory(new Dictionary<string, string?> { ["Seed:Demo"] = "true" });

/// <summary>Two-factor sign-in required for all staff, as in production.</summary>
public sealed class TwoFactorRequiredAppFactory() : CoalitionAppFactory(new Dictionary<string, string?> { ["Security:RequireTwoFactorForAllStaff"] = "true" });

/// <summary>Low per-IP limits (3 sign-in and 2 password-reset POSTs in 10 minutes), so that a few POSTs reach them; two-factor for all staff.</summary>
public sealed class LowRateLimitAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
{
    ["Security:RequireTwoFactorForAllStaff"] = "true",
    ["RateLimits:SignInPermitLimit"] = "3",
    ["RateLimits:SignInWindowSeconds"] = "600",
    ["RateLimits:PasswordResetPermitLimit"] = "2",
    ["RateLimits:PasswordResetWindowSeconds"] = "600",
});

/// <summary>
/// Behind a proxy at 10.20.30.40 (every request seems to come from it; a real connection cannot be faked here),
/// with a sign-in limit of 2 POSTs per visitor; two-factor for all staff.
/// </summary>
public sealed class ProxiedAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
{
    ["Security:RequireTwoFactorForAllStaff"] = "true",
    ["ReverseProxy:KnownProxies:0"] = Proxy.ToString(),
    ["RateLimits:SignInPermitLimit"] = "2",
    ["RateLimits:SignInWindowSeconds"] = "600",
})
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new FromProxy());

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
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

/// <summary>Small upload limits, so that "too large" needs only kilobytes.</summary>
public sealed class SmallUploadsAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
{
    ["Media:MaxImageBytes"] = MaxImageBytes.ToString(CultureInfo.InvariantCulture),
    ["Media:MaxDocumentBytes"] = MaxDocumentBytes.ToString(CultureInfo.InvariantCulture),
    ["Media:MaxArchiveUnpackedBytes"] = MaxArchiveUnpackedBytes.ToString(CultureInfo.InvariantCulture),
})
{
    public const long MaxImageBytes = 400_000;
    public const long MaxDocumentBytes = 600_000;
    public const long MaxArchiveUnpackedBytes = 4_000_000;
}

/// <summary>The staff-security tests share one <see cref="TwoFactorRequiredAppFactory"/> and run one class at a time:
/// the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class TwoFactorRequiredCollection : ICollectionFixture<TwoFactorRequiredAppFactory>
{
    public const string Name = "Two-factor required";
}
