using Coalition.Web.Features.Campaigns;

namespace Coalition.UnitTests.Features.Campaigns;

public sealed class SupportMessagesTests
{
    [Theory]
    [InlineData("", MessageOutcome.Empty)]
    [InlineData(" \n\t ", MessageOutcome.Empty)]
    [InlineData("\u202E\u200F", MessageOutcome.Empty)]
    [InlineData("https://example.org", MessageOutcome.OnlyLinks)]
    [InlineData("http://a.example.com/x?y=1 www.example.net", MessageOutcome.OnlyLinks)]
    [InlineData("example.org, spam.example.com/buy!!!", MessageOutcome.OnlyLinks)]
    [InlineData("Спасибо!", MessageOutcome.Accepted)]
    [InlineData("Ташаккур. See https://example.org", MessageOutcome.Accepted)]
    [InlineData("Мы с вами.Держитесь", MessageOutcome.Accepted)]
    public void Check_Text_GivesTheRule(string text, MessageOutcome expected) =>
        Assert.Equal(expected, SupportMessages.Check(text));

    [Fact]
    public void Check_ThousandCharacters_Accepted_OneMore_TooLong()
    {
        Assert.Equal(MessageOutcome.Accepted, SupportMessages.Check(new string('ҷ', 1000)));
        Assert.Equal(MessageOutcome.TooLong, SupportMessages.Check(new string('ҷ', 1001)));
    }

    [Fact]
    public void Check_WindowsLineBreaksCountOnce()
    {
        var text = string.Join("\r\n", Enumerable.Repeat(new string('a', 99), 10)); // 990 letters and 9 breaks
        Assert.Equal(MessageOutcome.Accepted, SupportMessages.Check(text + new string('a', 1)));
    }

    [Fact]
    public void CleanText_KeepsLineBreaks_DropsControlAndBidiCharacters()
    {
        Assert.Equal("one\ntwo\nthree", SupportMessages.CleanText("  one\r\ntwo\rthree\u0007\u202E  "));
        Assert.Equal("<b>not html</b>", SupportMessages.CleanText("<b>not html</b>"));
    }
}
