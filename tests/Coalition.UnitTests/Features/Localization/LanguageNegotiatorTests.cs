using Coalition.Web.Features.Localization;

namespace Coalition.UnitTests.Features.Localization;

public sealed class LanguageNegotiatorTests
{
    [Theory]
    [InlineData("en", "tg, ru;q=0.9", "en")]
    [InlineData("tg", "en", "tg")]
    [InlineData("EN", "ru", "en")]
    public void Choose_SupportedCookie_WinsOverTheBrowser(string cookie, string acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiator.Choose(cookie, acceptLanguage));

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("en-GB")]
    public void Choose_UnsupportedCookie_IsIgnored(string cookie) =>
        Assert.Equal("tg", LanguageNegotiator.Choose(cookie, "tg"));

    [Theory]
    [InlineData("en;q=0.5, tg;q=0.9", "tg")]
    [InlineData("de, en;q=0.8, ru;q=0.7", "en")]
    [InlineData("ru;q=0.2, en;q=0.3, tg;q=0.1", "en")]
    [InlineData("en, tg", "en")]
    [InlineData("tg, en", "tg")]
    public void Choose_AcceptLanguage_FollowsQualityThenOrder(string acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiator.Choose(null, acceptLanguage));

    [Theory]
    [InlineData("ru-RU", "ru")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("tg-Cyrl-TJ", "tg")]
    [InlineData("EN-gb", "en")]
    public void Choose_RegionSubtag_MatchesItsLanguage(string acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiator.Choose(null, acceptLanguage));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de-DE, fr;q=0.8")]
    [InlineData("*")]
    [InlineData("not a header ;;; ,,,")]
    public void Choose_NothingMatches_ReturnsRussian(string? acceptLanguage) =>
        Assert.Equal("ru", LanguageNegotiator.Choose(null, acceptLanguage));

    [Theory]
    [InlineData("en;q=0, tg;q=0.1", "tg")]
    [InlineData("en;q=0", "ru")]
    [InlineData("en;q=0.0, de", "ru")]
    public void Choose_ZeroQuality_IsNeverChosen(string acceptLanguage, string expected) =>
        Assert.Equal(expected, LanguageNegotiator.Choose(null, acceptLanguage));
}
