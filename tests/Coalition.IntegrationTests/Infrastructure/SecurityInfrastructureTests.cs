using Coalition.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coalition.IntegrationTests.Infrastructure;

[Collection(TwoFactorRequiredCollection.Name)]
public sealed class SecurityInfrastructureTests(TwoFactorRequiredAppFactory app)
{
    [Fact]
    public async Task DataProtectionKeys_AreKeptInTheDatabase_UnderAFixedApplicationName()
    {
        using var browser = app.CreateBrowser("en");
        await browser.GetDocumentAsync("/account/login"); // the antiforgery token needs a key

        Assert.True(await app.QueryDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        var options = app.Service<IOptions<DataProtectionOptions>>().Value;
        Assert.Equal(SecurityExtensions.DataProtectionApplicationName, options.ApplicationDiscriminator);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/reset-password")]
    [InlineData("/account/invitation")]
    public async Task AccountPages_AreNeverCached_AndCarryTheStrictPolicy(string path)
    {
        using var browser = app.CreateBrowser("en");
        using var response = await browser.GetAsync(path);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
