using System.Net;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>With <c>RateLimits:SignInPermitLimit=3</c> and <c>RateLimits:PasswordResetPermitLimit=2</c> per IP address.</summary>
[Collection(TwoFactorRequiredCollection.Name)]
public sealed class RateLimitTests(LowRateLimitAppFactory app) : IClassFixture<LowRateLimitAppFactory>
{
    [Fact]
    public async Task SignInPosts_OverTheLimit_Get429_WithRetryAfter_InTheVisitorsLanguage()
    {
        using var browser = app.CreateBrowser("ru-RU");
        var page = await browser.GetDocumentAsync("/account/login");
        for (var i = 0; i < 3; i++)
        {
            // No proxy is configured, so a forged X-Forwarded-For does not buy a fresh bucket.
            browser.DefaultRequestHeaders.Remove("X-Forwarded-For");
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i}");
            using var allowed = await browser.SubmitFormAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "guess number " + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        browser.DefaultRequestHeaders.Remove("X-Forwarded-For");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.99");

        using var refused = await browser.SubmitFormAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "one guess too many" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var html = await refused.ParseAsync();
        Assert.Equal("Слишком много запросов", html.QuerySelector("h1")!.TextContent);

        // Reading the form is not limited; only its POSTs are. The two-factor step shares the sign-in limit.
        using var get = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task ForgotPasswordPosts_OverTheLimit_Get429()
    {
        using var browser = app.CreateBrowser("en");
        var page = await browser.GetDocumentAsync("/account/forgot-password");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await browser.SubmitFormAsync(page, "/account/forgot-password", new() { ["Email"] = $"someone{i}@example.org" });
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        }

        using var refused = await browser.SubmitFormAsync(page, "/account/forgot-password", new() { ["Email"] = "someone@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("Too many requests", (await refused.ParseAsync()).QuerySelector("h1")!.TextContent);
    }
}

/// <summary>Behind the configured proxy, each visitor (X-Forwarded-For) has a bucket of their own.</summary>
[Collection(TwoFactorRequiredCollection.Name)]
public sealed class ProxiedRateLimitTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    [Fact]
    public async Task BehindAKnownProxy_TheLimitIsPerForwardedVisitor()
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, await ThirdSignInAsync("203.0.113.5"));

        // Another visitor behind the same proxy is not affected by the first one's attempts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ThirdSignInAsync("203.0.113.6"));
    }

    private async Task<HttpStatusCode> ThirdSignInAsync(string visitor)
    {
        using var browser = app.CreateBrowser("en");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", visitor);
        var page = await browser.GetDocumentAsync("/account/login");
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await browser.SubmitFormAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "a guess " + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var third = await browser.SubmitFormAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "third guess" });
        return third.StatusCode;
    }
}
