using Coalition.Web.Features.Accounts;

namespace Coalition.UnitTests.Features.Accounts;

public sealed class PasswordStrengthValidatorTests
{
    [Theory]
    [InlineData("qwertyuiopasdf", true)]
    [InlineData("йцукенгшщзфыва", true)]
    [InlineData("poiuytrewq2024", true)]
    [InlineData("tangerine orbit lantern", false)]
    [InlineData("correct horse battery staple", false)]
    public void HasKeyboardRun_RowsOfTheKeyboard_AreFound(string password, bool expected) =>
        Assert.Equal(expected, PasswordStrengthValidator.HasKeyboardRun(password));

    [Fact]
    public void Reasons_NoKnownPattern_SaysItIsShortForItsCharacters() =>
        Assert.Equal([PasswordStrengthValidator.ShortReason], PasswordStrengthValidator.Reasons(["bruteforce"], "x7#kq"));

    [Fact]
    public void Reasons_SequenceAndDate_AreBothNamed() =>
        Assert.Equal([PasswordStrengthValidator.RepeatReason, PasswordStrengthValidator.DateReason],
            PasswordStrengthValidator.Reasons(["sequence", "date"], "abcdef19.05.1990"));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari")]
    [InlineData("curl/8.5.0", "Other")]
    [InlineData("", "Other")]
    public void BrowserFamily_FromUserAgent_IsTheFamilyOnly(string userAgent, string expected) =>
        Assert.Equal(expected, NewDeviceAlerts.BrowserFamily(userAgent));
}
