using System.Net;

namespace Coalition.IntegrationTests.Infrastructure;

/// <summary>Two instances on one real Redis (<c>Cache:Redis</c>): one budget per address, not one per instance.</summary>
public sealed class RedisRateLimitTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task SignInPosts_SpreadOverTwoInstances_ShareOneLimit()
    {
        redis.SkipIfUnavailable();
        var prefix = $"test-{Guid.NewGuid():N}:";
        using var a = new RedisAppFactory(redis.ConnectionString, prefix);
        using var b = new RedisAppFactory(redis.ConnectionString, prefix);
        using var onA = a.CreateBrowser("en");
        using var onB = b.CreateBrowser("en");
        var pageA = await onA.GetDocumentAsync("/account/login");
        var pageB = await onB.GetDocumentAsync("/account/login");

        // The limit is 3: two guesses through A and one through B use it up, for both.
        foreach (var (browser, page) in new[] { (onA, pageA), (onA, pageA), (onB, pageB) })
        {
            using var allowed = await browser.SubmitFormAsync(page, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "a wrong guess here" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refusedOnB = await onB.SubmitFormAsync(pageB, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "one guess too many" });
        using var refusedOnA = await onA.SubmitFormAsync(pageA, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "one guess too many" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnB.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnA.StatusCode);
        Assert.True(int.Parse(refusedOnA.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Too many requests", (await refusedOnA.ParseAsync()).QuerySelector("h1")!.TextContent);
    }

    [SkippableFact]
    public async Task Ready_WithRedis_ChecksRedisToo()
    {
        redis.SkipIfUnavailable();
        using var app = new RedisAppFactory(redis.ConnectionString, $"test-{Guid.NewGuid():N}:");
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"redis\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Ready_RedisDown_Returns503()
    {
        redis.SkipIfUnavailable();
        // A port nothing listens on: the app starts anyway and says it is not ready.
        using var app = new RedisAppFactory("127.0.0.1:1,connectTimeout=200", $"test-{Guid.NewGuid():N}:");
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"redis\":\"Unhealthy\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    private sealed class RedisAppFactory(string redis, string prefix) : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["Cache:Redis"] = redis,
        ["Cache:KeyPrefix"] = prefix,
        ["RateLimits:SignInPermitLimit"] = "3",
        ["RateLimits:SignInWindowSeconds"] = "600",
    });
}
