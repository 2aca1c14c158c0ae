using System.Globalization;
using Coalition.Web.Features.Localization;

namespace Coalition.Web.Features.Events;

/// <summary>An event's time in Dushanbe, as pages and e-mails write it.</summary>
public static class EventTimes
{
    /// <summary>"26 June 2030, 10:00–17:00", or "26 June 2030, 10:00 – 27 June 2030, 13:00" over several days.</summary>
    public static string Span(DateTime startUtc, DateTime endUtc)
    {
        var (start, end) = (DushanbeTime.ToLocal(startUtc), DushanbeTime.ToLocal(endUtc));
        return start.Date == end.Date
            ? $"{DushanbeTime.FormatDate(startUtc)}, {Time(start)}–{Time(end)}"
            : $"{DushanbeTime.FormatDate(startUtc)}, {Time(start)} – {DushanbeTime.FormatDate(endUtc)}, {Time(end)}";
    }

    /// <summary>The machine-readable local time with its offset, for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTime utc) => DushanbeTime.ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) + "+05:00";

    private static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
}
