namespace Coalition.Data.Entities;

/// <summary>
/// A training, seminar or workshop, at <c>/{culture}/events/{slug}</c>. Its own fields are real columns, so that the
/// public lists filter and sort by start time from an index. Translations of one event (one
/// <see cref="ContentItem.TranslationGroupId"/>) share one registration list.
/// </summary>
public class Event : ContentItem
{
    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public EventCity City { get; set; }

    /// <summary>The venue in words (address, room, how to get there); no map.</summary>
    public string? Venue { get; set; }

    /// <summary>Who the event is for ("young lawyers", "journalists").</summary>
    public string? Audience { get; set; }

    /// <summary>The language the event is held in, in words ("Russian and Tajik").</summary>
    public string? EventLanguage { get; set; }

    /// <summary>
    /// Places. The translations of one event share one list: the capacity of the group is the one of the public
    /// translation saved most recently, and publishing a change writes it to every translation (see
    /// docs/decisions/0012-event-registrations.md).
    /// </summary>
    public int Capacity { get; set; }

    /// <summary>When registration closes; null: at <see cref="StartUtc"/>.</summary>
    public DateTime? RegistrationClosesUtc { get; set; }

    /// <summary>One trainer a line, "Name | role".</summary>
    public string? Trainers { get; set; }

    /// <summary>The event will not take place: the page says so, registration is closed, the calendar feed keeps it as cancelled.</summary>
    public bool Cancelled { get; set; }

    public DateTime ClosesUtc => RegistrationClosesUtc ?? StartUtc;
}

public enum EventCity
{
    Dushanbe = 0,
    Khujand = 1,
    Bokhtar = 2,
    Online = 3,
}
