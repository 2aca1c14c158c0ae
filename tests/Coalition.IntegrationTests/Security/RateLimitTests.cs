using System.Net;

namespace Coalition.IntegrationTests.Security;

/// <summary>With <c>RateLimits:SignInPermitLimit=3</c> and <c>RateLimits:PasswordResetPermitLimit=2</c> per IP address.</summary>
[Collection(SecurityCollection.Name)]
public sealed class RateLimitTests(LowRateLimitAppFactory app) : IClassFixture<LowRateLimitAppFactory>
{
    [Fact]
    public async Task SignInPosts_OverTheLimit_Get429_WithRetryAfter_InTheVisitorsLanguage()
    {
        using var browser = app.Browser("ru-RU");
        var page = await browser.GetDocumentAsync("/account/login");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await browser.SubmitAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "guess number " + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await browser.SubmitAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "one guess too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var html = await SecurityBrowser.ParseAsync(refused);
        Assert.Equal("Слишком много запросов", html.QuerySelector("h1")!.TextContent);

        // Reading the form is not limited; only its POSTs are. The two-factor step shares the sign-in limit.
        using var get = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task ForgotPasswordPosts_OverTheLimit_Get429()
    {
        using var browser = app.Browser("en");
        var page = await browser.GetDocumentAsync("/account/forgot-password");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await browser.SubmitAsync(page, "/account/forgot-password", new() { ["Email"] = $"someone{i}@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await browser.SubmitAsync(page, "/account/forgot-password", new() { ["Email"] = "someone@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("Too many requests", (await SecurityBrowser.ParseAsync(refused)).QuerySelector("h1")!.TextContent);
    }
}
