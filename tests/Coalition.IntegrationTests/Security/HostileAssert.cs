using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Security;

/// <summary>What every hostile-input test checks besides its status: no 5xx, no stack trace, nothing stored.</summary>
internal static class HostileAssert
{
    private static readonly string[] StackTraceMarks = ["   at ", "Exception:", "Exception (", "System.InvalidOperation", "Microsoft.AspNetCore.", "Coalition.Web.", "StackTrace"];

    /// <summary>Not a 5xx, and the body names no exception, frame or namespace of the server.</summary>
    public static async Task NoServerErrorAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        foreach (var mark in StackTraceMarks)
        {
            Assert.DoesNotContain(mark, body, StringComparison.Ordinal);
        }
    }

    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        await NoServerErrorAsync(response);
        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>Row counts of everything a request could store: equal before and after means nothing was stored.</summary>
internal sealed record StoreSnapshot(int News, int Pages, int Revisions, int ShareLinks, int Media, int Users, int Devices, int Slugs)
{
    public static Task<StoreSnapshot> TakeAsync(CoalitionAppFactory factory) =>
        factory.QueryDbAsync(async db => new StoreSnapshot(
            await db.News.CountAsync(),
            await db.Pages.CountAsync(),
            await db.Revisions.CountAsync(),
            await db.ShareLinks.CountAsync(),
            await db.Media.CountAsync(),
            await db.Users.CountAsync(),
            await db.StaffDevices.CountAsync(),
            await db.SlugRedirects.CountAsync()));
}

/// <summary>The app on a real Kestrel port: its body-size limits, header checks and chunked decoding are Kestrel's, as in production.</summary>
public sealed class KestrelAppFactory : CoalitionAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
    }

    /// <summary>The server's real address (a free port on loopback).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    /// <summary>A browser on the real port: keeps cookies, does not follow redirects (<see cref="CoalitionAppFactory.CreateBrowser"/> needs the test server).</summary>
    public Browser SocketBrowser(string language = "en")
    {
        var cookies = new System.Net.CookieContainer();
#pragma warning disable CA2000 // the browser owns and disposes its handler
        var browser = new Browser(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }, cookies) { BaseAddress = ServerAddress };
#pragma warning restore CA2000
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    /// <summary>A socket browser signed in with a password (accounts without two-step sign-in).</summary>
    public async Task<Browser> SignedInSocketAsync(StaffCredentials staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var browser = SocketBrowser();
        using var response = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }
}
