using System.Diagnostics;
using System.Globalization;
using Coalition.Data.Entities;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// Started once per test run (an xunit collection fixture): the portal on 127.0.0.1 and one headless Debian Chromium.
/// Each test gets its own browser context (fresh cookies and storage) from <see cref="BrowserTest"/>.
/// When Chromium is not installed nothing is started, and every browser test reports itself skipped.
/// </summary>
public sealed class PortalFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Debian's Chromium (apt-get install chromium). Playwright's own browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string AdminEmail = "admin@browser-tests.example.org";
    public const string AdminPassword = "quiet harbour lantern at dawn";
    public const string EditorEmail = "editor@browser-tests.example.org";
    public const string EditorPassword = "seven blue kites over the river";

    /// <summary>A second Editor, used only by the no-JavaScript password reset, which changes its password: the other tests keep theirs.</summary>
    public const string ResetEditorEmail = "reset-editor@browser-tests.example.org";
    public const string ResetEditorPassword = "copper lighthouse under autumn rain";

    /// <summary>An Editor who also holds the Legal Aid permission, and the Group's passphrase (the key is set up at start).</summary>
    public const string LegalAidEmail = "legal-aid@browser-tests.example.org";
    public const string LegalAidPassword = "amber willow beneath quiet stars";
    public const string LegalAidPassphrase = "harbour violet thunder meadow";

    /// <summary>An Editor who also holds the ViewRegistrations permission (issue 12): the registrations pages.</summary>
    public const string RegistrationsEmail = "registrations@browser-tests.example.org";
    public const string RegistrationsPassword = "granite orchard whispers at noon";

    /// <summary>The Legal Aid member's authenticator key: holders of the permission must use two-step sign-in.</summary>
    public string LegalAidAuthenticatorKey { get; private set; } = "";

    /// <summary>Where "Leave this page" goes here; the tests answer it in the browser, so nothing leaves the machine.</summary>
    public static readonly Uri QuickExitUrl = new("https://neutral.example/");

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _dataFolder;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static string SkipReason =>
        $"Browser tests need Debian's Chromium at {ChromiumPath}, which is not installed (apt-get install -y chromium).";

    /// <summary>The portal's origin, for example http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser was not started.");

    /// <summary>The portal's e-mails, one .eml file each (<see cref="PickupMail"/> reads them).</summary>
    public string MailFolder => Path.Combine(_dataFolder ?? throw new InvalidOperationException("The portal was not started."), "mail");

    public async Task InitializeAsync()
    {
        if (!ChromiumAvailable)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        _dataFolder = Directory.CreateTempSubdirectory("coalition-browser-tests-").FullName;
        var databasePath = Path.Combine(_dataFolder, "portal.db");
        _factory = new PortalFactory(databasePath, Path.Combine(_dataFolder, "media"), MailFolder);

        // Builds the host, migrates and seeds the database, and starts Kestrel.
        await Task.Run(_factory.StartServer);
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        if (BaseUrl.Host != "127.0.0.1" || !File.Exists(databasePath))
        {
            throw new InvalidOperationException(
                $"The portal did not start as configured: it listens on {BaseUrl} and its database {databasePath} exists: {File.Exists(databasePath)}.");
        }

        await CreateEditorAsync(EditorEmail, EditorPassword, "Editor");
        await CreateEditorAsync(ResetEditorEmail, ResetEditorPassword, "Reset Editor");
        await CreateEditorAsync(LegalAidEmail, LegalAidPassword, "Legal Aid member", Roles.LegalAid);
        await CreateEditorAsync(RegistrationsEmail, RegistrationsPassword, "Registrations desk");
        await GrantAsync(RegistrationsEmail, Roles.ViewRegistrations);
        await SetUpLegalAidAsync();
        var appReady = clock.Elapsed;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });

        diagnostics.OnMessage(new DiagnosticMessage(
            $"Browser tests: portal on {BaseUrl} ready in {appReady.TotalSeconds:0.0} s, Chromium {_browser.Version} in {(clock.Elapsed - appReady).TotalSeconds:0.0} s."));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_dataFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>
    /// Invites an Editor the way the admin's "Invite a staff member" form does (the Administrator must use two-factor
    /// sign-in, which these tests do not set up for it). The invitation e-mail is in the folder when this returns.
    /// </summary>
    public async Task InviteEditorAsync(string email, string displayName, string language)
    {
        await using var scope = Services.CreateAsyncScope();
        var (outcome, _) = await scope.ServiceProvider.GetRequiredService<Invitations>().InviteAsync(email, displayName, Roles.Editor, language);
        if (outcome != InviteOutcome.Sent)
        {
            throw new InvalidOperationException($"The invitation of {email} was not sent: {outcome}.");
        }
    }

    /// <summary>The portal's translation of one of its interface texts, to compare with what a page shows.</summary>
    public string Text(string key, string language)
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var text = localizer[key];
            return text.ResourceNotFound
                ? throw new InvalidOperationException($"The portal has no {language} text for \"{key}\".")
                : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// A published Russian event starting in ten days, made through the app's own editor as staff would, with
    /// <paramref name="taken"/> of its <paramref name="capacity"/> places already taken by fictional registrants
    /// (through the app's registrations). Returns its id and slug.
    /// </summary>
    public async Task<(int Id, string Slug)> CreateEventAsync(string title, int capacity, int taken)
    {
        await using var scope = Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<Coalition.Web.Features.Publishing.ContentEditor<Event>>();
        var start = DateTime.UtcNow.AddDays(10);
        var fields = new Coalition.Web.Features.Events.EventFields
        {
            Start = Coalition.Web.Features.Localization.DushanbeTime.ToLocal(start),
            End = Coalition.Web.Features.Localization.DushanbeTime.ToLocal(start.AddHours(6)),
            City = EventCity.Bokhtar,
            Venue = "Зал заседаний, ул. Примерная, 1",
            Audience = "Молодые юристы",
            EventLanguage = "Русский и таджикский",
            Capacity = capacity,
            Trainers = "Тренер Один | юрист",
        };
        var result = await editor.CreateAsync(
            new Coalition.Web.Features.Publishing.ContentInput("ru", title, null, "Семинар для браузерного теста.", "## Программа\n\nУтро: мониторинг.", 0, Fields: fields),
            Coalition.Web.Features.Publishing.SaveAction.Publish, userId: null);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the event: {result.Outcome} {result.Field} {result.Detail}.");
        }

        var item = (await editor.FindAsync(result.Id))!;
        var registrations = scope.ServiceProvider.GetRequiredService<Coalition.Web.Features.Events.EventRegistrations>();
        for (var i = 0; i < taken; i++)
        {
            await registrations.RegisterAsync(item, new Coalition.Web.ViewModels.Events.RegistrationForm
            {
                Name = $"Участник {i + 1}",
                Email = $"taken-{i}-{item.Id}@example.org",
                Consent = true,
            }, "ru");
        }

        return (item.Id, item.Slug);
    }

    /// <summary>The status of the registration of <paramref name="email"/>, as staff would see it; null: none.</summary>
    public async Task<RegistrationStatus?> RegistrationStatusAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coalition.Data.CoalitionDbContext>();
        return await db.EventRegistrations.Where(r => r.Email == email).Select(r => (RegistrationStatus?)r.Status).SingleOrDefaultAsync();
    }

    private async Task GrantAsync(string email, string permission)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var result = await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, permission);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {email} the {permission} permission.");
        }
    }

    /// <summary>The Legal Aid Group's key, and one request in its inbox, as the public form would store it.</summary>
    private async Task SetUpLegalAidAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Coalition.Web.Features.LegalAid.LegalAidKeys>().CreateAsync(LegalAidPassphrase);
        await scope.ServiceProvider.GetRequiredService<Coalition.Web.Features.LegalAid.LegalAidRequests>().SubmitAsync(
            new Coalition.Web.Features.LegalAid.LegalAidContent("Через сестру, вечером", "khatlon", "relative", "Брата задержали и избили в отделе.", Urgent: true, Consent: true));
    }

    /// <summary>
    /// Opens the window of the demo campaign "10 December 2021" (an hour ago until tomorrow), so that every page shows
    /// its banner; returns its Russian slug. <see cref="CloseCampaignWindowAsync"/> puts the window back.
    /// </summary>
    public async Task<string> OpenCampaignWindowAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coalition.Data.CoalitionDbContext>();
        var group = await db.Campaigns.Where(c => c.Year == 2021 && c.Day == CampaignDay.December10).Select(c => c.TranslationGroupId).FirstAsync();
        var now = DateTime.UtcNow;
        await db.Campaigns.Where(c => c.TranslationGroupId == group)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WindowStartUtc, now.AddHours(-1)).SetProperty(c => c.WindowEndUtc, now.AddDays(1)));
        await ForgetCachedPagesAsync();
        return await db.Campaigns.Where(c => c.TranslationGroupId == group && c.Culture == "ru").Select(c => c.Slug).SingleAsync();
    }

    public async Task CloseCampaignWindowAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coalition.Data.CoalitionDbContext>();
        await db.Campaigns.Where(c => c.Year == 2021 && c.Day == CampaignDay.December10)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.WindowStartUtc, new DateTime(2021, 11, 25, 19, 0, 0, DateTimeKind.Utc))
                .SetProperty(c => c.WindowEndUtc, new DateTime(2021, 12, 24, 19, 0, 0, DateTimeKind.Utc)));
        await ForgetCachedPagesAsync();
    }

    /// <summary>The windows were changed behind the editor's back: no save told the output cache, so it is emptied here.</summary>
    private async Task ForgetCachedPagesAsync()
    {
        Services.GetRequiredService<Coalition.Web.Features.Caching.ContentSchedule>().Invalidate();
        await Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
            .EvictByTagAsync(Coalition.Web.Features.Caching.CacheTags.All, CancellationToken.None);
    }

    private IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal was not started.");

    private Authenticator? _adminAuthenticator;

    /// <summary>
    /// The configured Administrator's authenticator app. Administrators must use two-step sign-in; the first call turns
    /// it on for the account (as the enrolment page would, with a new key) and every later call gets the same app.
    /// </summary>
    public async Task<Authenticator> AdminAuthenticatorAsync()
    {
        if (_adminAuthenticator is not null)
        {
            return _adminAuthenticator;
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = await users.FindByEmailAsync(AdminEmail) ?? throw new InvalidOperationException("The configured Administrator does not exist.");
        await users.ResetAuthenticatorKeyAsync(admin);
        var key = await users.GetAuthenticatorKeyAsync(admin) ?? throw new InvalidOperationException("No authenticator key was stored.");
        await users.SetTwoFactorEnabledAsync(admin, true);
        _adminAuthenticator = new Authenticator(key);
        return _adminAuthenticator;
    }

    /// <summary>An Editor account besides the configured Administrator, made the way an Administrator would make one.</summary>
    private async Task CreateEditorAsync(string email, string password, string displayName, string? permission = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var editor = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedUtc = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(editor, password));
        Check(await users.AddToRoleAsync(editor, Roles.Editor));
        if (permission is not null)
        {
            Check(await users.AddToRoleAsync(editor, permission));
            Check(await users.ResetAuthenticatorKeyAsync(editor));
            Check(await users.SetTwoFactorEnabledAsync(editor, true));
            LegalAidAuthenticatorKey = await users.GetAuthenticatorKeyAsync(editor) ?? "";
        }

        void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not create the editor account {email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Browser";
}
