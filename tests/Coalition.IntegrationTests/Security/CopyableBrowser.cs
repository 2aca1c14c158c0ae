using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Coalition.IntegrationTests.Security;

/// <summary>A browser whose cookies a test can copy into another, as a thief with a stolen cookie would.</summary>
public sealed class CopyableBrowser : IDisposable
{
    public CopyableBrowser(CoalitionAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(Cookies));
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>A browser on the app's real Kestrel port.</summary>
    public CopyableBrowser(KestrelAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Client = factory.Socket(Cookies);
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public CopyableBrowser CopyTo(CopyableBrowser other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.Cookies.Add(Cookies.GetAllCookies());
        return other;
    }

    /// <summary>Signs in through the login form with a password (accounts without two-step sign-in).</summary>
    public async Task<CopyableBrowser> SignInAsync(StaffCredentials staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        using var response = await Client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return this;
    }

    public void Dispose() => Client.Dispose();
}
