using System.Globalization;
using Coalition.Web.Features.Localization;

namespace Coalition.UnitTests.Features.Localization;

public sealed class DushanbeTimeTests
{
    private static readonly DateTime NewYearsEveUtc = new(2025, 12, 31, 19, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void ToLocal_LateEveningUtcOn31December_IsNewYearsDayInDushanbe()
    {
        var local = DushanbeTime.ToLocal(NewYearsEveUtc);

        Assert.Equal(new DateTime(2026, 1, 1, 0, 30, 0), local);
    }

    [Fact]
    public void Zone_IsUtcPlusFiveWithoutDaylightSaving()
    {
        Assert.Equal(TimeSpan.FromHours(5), DushanbeTime.Zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(5), DushanbeTime.Zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ToUtc_DushanbeMidnight_IsSevenInTheEveningUtcTheDayBefore()
    {
        var utc = DushanbeTime.ToUtc(new DateTime(2026, 1, 1, 0, 0, 0));

        Assert.Equal(new DateTime(2025, 12, 31, 19, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("ru-RU", "5 мая 2020")]
    [InlineData("en", "5 May 2020")]
    public void FormatDate_Culture_UsesThatLanguagesMonthNames(string culture, string expected) =>
        Assert.Equal(expected, InCulture(culture, () => DushanbeTime.FormatDate(new DateTime(2020, 5, 5, 4, 0, 0, DateTimeKind.Utc))));

    [Theory]
    [InlineData(2020, 5, "5 майи 2020")]
    [InlineData(2026, 1, "5 январи 2026")]
    [InlineData(2026, 9, "5 сентябри 2026")]
    public void FormatDate_Tajik_WritesTheMonthInLowerCaseWithTheIzofat(int year, int month, string expected)
    {
        // Tajik, not the Russian genitive ("мая") nor ICU's capitalised nominative ("Май").
        var date = InCulture("tg-Cyrl-TJ", () => DushanbeTime.FormatDate(new DateTime(year, month, 5, 4, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(expected, date);
    }

    [Fact]
    public void FormatDateTime_Tajik_AddsTheTime() =>
        Assert.Equal("1 январи 2026, 00:30", InCulture("tg-Cyrl-TJ", () => DushanbeTime.FormatDateTime(NewYearsEveUtc)));

    [Fact]
    public void FormatDate_LateEveningUtc_ShowsTheDushanbeDate()
    {
        Assert.Equal("1 января 2026", InCulture("ru-RU", () => DushanbeTime.FormatDate(NewYearsEveUtc)));
        Assert.Equal("1 January 2026", InCulture("en", () => DushanbeTime.FormatDate(NewYearsEveUtc)));
    }

    [Fact]
    public void FormatDateTime_ShowsDushanbeTimeToTheMinute() =>
        Assert.Equal("1 January 2026, 00:30", InCulture("en", () => DushanbeTime.FormatDateTime(NewYearsEveUtc)));

    private static string InCulture(string name, Func<string> format)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
