using Coalition.Web.Infrastructure;
using Coalition.Web.Options;

namespace Coalition.UnitTests.Infrastructure;

public sealed class PublicUrlsTests
{
    private static PublicUrls For(string? baseUrl) =>
        new(Microsoft.Extensions.Options.Options.Create(new SiteOptions { PublicBaseUrl = baseUrl is null ? null : new Uri(baseUrl) }));

    [Theory]
    [InlineData("http://evil.example/account/login?returnUrl=%2Fadmin", "https://coalition.example.org/account/login?returnUrl=%2Fadmin")]
    [InlineData("https://evil.example:8443/account/access-denied", "https://coalition.example.org/account/access-denied")]
    [InlineData("/preview/abc", "https://coalition.example.org/preview/abc")]
    public void Rebase_AnyHost_KeepsOnlyPathAndQuery(string url, string expected) =>
        Assert.Equal(expected, For("https://coalition.example.org").Rebase(url));

    [Fact]
    public void Origin_WithoutSetting_IsLocalhostOverHttp()
    {
        var urls = For(null);

        Assert.Equal("http://localhost", urls.Origin);
        Assert.False(urls.IsHttps);
        Assert.Equal("http://localhost/account/not-me", urls.Absolute("account/not-me"));
    }

    [Fact]
    public void Origin_WithAPort_KeepsIt_AndHttpsIsSeen()
    {
        var urls = For("https://portal.example.org:8443/");

        Assert.Equal("https://portal.example.org:8443", urls.Origin);
        Assert.True(urls.IsHttps);
    }
}
