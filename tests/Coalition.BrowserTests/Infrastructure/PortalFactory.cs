using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on a real Kestrel socket (127.0.0.1, a free port chosen by the OS), not TestServer:
/// the browser talks to it over TCP like any visitor. Fresh SQLite file and media folder, demo content, a known Administrator.
/// </summary>
internal sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly string _mediaFolder;
    private readonly string _mailFolder;

    /// <param name="databasePath">The SQLite file to create.</param>
    /// <param name="mediaFolder">The media library's files (the demo covers and the tests' uploads), instead of App_Data/media in the source tree.</param>
    /// <param name="mailFolder">Where the portal writes its e-mails as .eml files (no SMTP host is set), for the tests to read.</param>
    public PortalFactory(string databasePath, string mediaFolder, string mailFolder)
    {
        _databasePath = databasePath;
        _mediaFolder = mediaFolder;
        _mailFolder = mailFolder;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: no developer exception page, no generated admin password, the production error pages.
        builder.UseEnvironment("Testing");
        // Outside Development the build output's static web assets (the precompressed .gz variants under obj/) are
        // not found by default: a gzip request for the stylesheet would get an empty 200 and Chromium drops the CSS.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Coalition", $"Data Source={_databasePath}");
        builder.UseSetting("Media:DataFolder", _mediaFolder);
        builder.UseSetting("Mail:PickupFolder", _mailFolder);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Admin:Email", PortalFixture.AdminEmail);
        builder.UseSetting("Admin:Password", PortalFixture.AdminPassword);
        builder.UseSetting("LogFile:Enabled", "false");
        // The Editor signs in with a password alone; the Administrator, who must use an authenticator, is not used for sign-in here.
        builder.UseSetting("Security:RequireTwoFactorForAllStaff", "false");
        // Every request of a test run comes from one address: the per-IP sign-in limit is tested on its own (RateLimitTests).
        builder.UseSetting("RateLimits:SignInPermitLimit", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Playwright fills the message of support faster than a person could: the minimum fill time has its own tests.
        builder.UseSetting("Campaigns:MinimumFillSeconds", "0");
    }
}
