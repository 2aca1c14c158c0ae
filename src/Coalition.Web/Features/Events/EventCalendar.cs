using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Events;

/// <summary>
/// iCalendar (RFC 5545) files through Ical.Net: one event, or a language's feed. Times are in Asia/Dushanbe, with its
/// VTIMEZONE; a cancelled event stays in the feed with STATUS:CANCELLED, so subscribed calendars update.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string ZoneId = "Asia/Dushanbe";

    /// <param name="baseUrl">The configured public address of the site: the events' links and UIDs use it.</param>
    public static string Write(IEnumerable<Event> events, Uri baseUrl, string calendarName, IStringLocalizer text, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(text);
        var calendar = new Calendar { ProductId = "-//Coalition against Torture and Impunity in Tajikistan//Events//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", ZoneId);
        calendar.AddTimeZone(new VTimeZone(ZoneId));
        foreach (var item in events)
        {
            calendar.Events.Add(ToEvent(item, baseUrl, text, nowUtc));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent ToEvent(Event item, Uri baseUrl, IStringLocalizer text, DateTime nowUtc)
    {
        var url = new Uri(baseUrl, $"{item.Culture}/events/{item.Slug}");
        var place = item.City == EventCity.Online ? text["Online"].Value : text[item.City.ToString()].Value;
        return new CalendarEvent
        {
            // One UID per translation: a subscriber of one language's feed sees each event once.
            Uid = $"event-{item.TranslationGroupId:N}-{item.Culture}@{baseUrl.Host}",
            Summary = item.Cancelled ? $"{text["Cancelled"]}: {item.Title}" : item.Title,
            Description = string.IsNullOrEmpty(item.Summary) ? url.ToString() : $"{item.Summary}\n\n{url}",
            Location = item.Venue is null ? place : $"{place}, {item.Venue}",
            Url = url,
            Start = new CalDateTime(DushanbeTime.ToLocal(item.StartUtc), ZoneId),
            End = new CalDateTime(DushanbeTime.ToLocal(item.EndUtc), ZoneId),
            DtStamp = new CalDateTime(nowUtc, "UTC"),
            LastModified = new CalDateTime(item.UpdatedUtc, "UTC"),
            Sequence = item.Version,
            Status = item.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
    }
}
