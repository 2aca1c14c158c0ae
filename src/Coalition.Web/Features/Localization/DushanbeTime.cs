using System.Globalization;

namespace Coalition.Web.Features.Localization;

/// <summary>Times are stored in UTC and shown in Dushanbe time (UTC+5, no daylight saving).</summary>
public static class DushanbeTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Dushanbe");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata still get the right offset: Tajikistan has kept UTC+5 without DST since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Dushanbe", TimeSpan.FromHours(5), "Dushanbe", "Dushanbe");
        }
    }

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"5 May 2020", "5 мая 2020", "5 майи 2020": a date in the current culture.</summary>
    public static string FormatDate(DateTime utc) => Format(ToLocal(utc), CultureInfo.CurrentCulture);

    /// <summary>Date and time to the minute, for the admin area.</summary>
    public static string FormatDateTime(DateTime utc)
    {
        var local = ToLocal(utc);
        return Format(local, CultureInfo.CurrentCulture) + local.ToString(", HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The Dushanbe calendar date for a machine-readable <c>&lt;time datetime&gt;</c>.</summary>
    public static string IsoDate(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateTime local, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName == "tg")
        {
            // ICU gives the nominative, capitalised ("5 Май 2020"); Tajik writes the month in lower case with the
            // izofat ending: "5 майи 2020".
            var month = culture.DateTimeFormat.GetMonthName(local.Month).ToLower(culture);
            return string.Create(culture, $"{local.Day} {month}и {local.Year}");
        }

        return local.ToString("d MMMM yyyy", culture);
    }
}
