using Coalition.Web.Infrastructure;

namespace Coalition.UnitTests.Infrastructure;

public sealed class SafeRedirectsTests
{
    [Theory]
    [InlineData("/ru/news", "/ru/news")]
    [InlineData("/ru/т", "/ru/%D1%82")]
    [InlineData("/en/a b\tc", "/en/a%20b%09c")]
    [InlineData("/en/x\r\nSet-Cookie: a=1", "/en/x%0D%0ASet-Cookie:%20a=1")]
    [InlineData("/tg/ҳ?q=ӯ#f", "/tg/%D2%B3?q=%D3%AF#f")]
    [InlineData("/already%20encoded", "/already%20encoded")]
    public void EncodeForHeader_AnyLocalUrl_IsAsciiWithoutControls(string url, string expected)
    {
        var encoded = SafeRedirects.EncodeForHeader(url);

        Assert.Equal(expected, encoded);
        Assert.All(encoded, c => Assert.InRange(c, '!', '~'));
    }

    [Theory]
    [InlineData("/ru/x\n[ERR] forged", "/ru/x\\u000a[ERR] forged")]
    [InlineData("/en/\u001b[31m", "/en/\\u001b[31m")]
    [InlineData("/plain", "/plain")]
    public void EscapeControls_LogText_HasNoControlCharacters(string text, string expected) =>
        Assert.Equal(expected, LoggingExtensions.EscapeControls(text));
}
