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
        // The port is chosen before the start, so that the portal's configured address (Site:PublicBaseUrl, which its
        // redirects and e-mail links use instead of the Host header) is the one the browser talks to.
        _port = FreePort();
        UseKestrel(k => k.Listen(IPAddress.Loopback, _port));
    }

    private readonly int _port;

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: no developer exception page, no generated admin password, the production error pages.
        builder.UseEnvironment("Testing");
        // Serve the build's static web assets (fingerprinted, with their Brotli/gzip variants from obj/) as Development
        // does: outside Development they are only looked up in a published wwwroot, and Chromium, which asks for
        // compressed files, got empty stylesheets.
        builder.UseStaticWebAssets();
        builder.UseSetting("Site:PublicBaseUrl", $"http://127.0.0.1:{_port}");
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
        builder.UseSetting("LegalAid:QuickExitUrl", PortalFixture.QuickExitUrl.ToString());
        builder.UseSetting("LegalAid:PassphraseIterations", "10000");
        // Playwright fills the message of support faster than a person could: the minimum fill time has its own tests.
        builder.UseSetting("Campaigns:MinimumFillSeconds", "0");
    }
}
