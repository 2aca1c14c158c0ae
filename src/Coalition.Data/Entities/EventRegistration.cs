namespace Coalition.Data.Entities;

/// <summary>
/// One person's registration for an event (all its translations: keyed by the event's translation group).
/// Among the most sensitive data the site holds: the personal fields are emptied by the retention job a number of
/// days after the event ends, leaving only the status, the attendance and the language, for counts.
/// </summary>
public class EventRegistration
{
    public int Id { get; set; }

    /// <summary>The <see cref="ContentItem.TranslationGroupId"/> of the event.</summary>
    public Guid EventGroupId { get; set; }

    /// <summary>Order of arrival on the list; the waiting list is served in this order.</summary>
    public int Sequence { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>The language the person registered in: their e-mails are written in it.</summary>
    public string Culture { get; set; } = "";

    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>SHA-256 of the normalised address: one registration per address and event, by a unique index.</summary>
    public string? EmailKey { get; set; }

    public string? Phone { get; set; }

    public string? Organisation { get; set; }

    public string? JobRole { get; set; }

    public string? LanguageNeeds { get; set; }

    public string? AccessibilityNeeds { get; set; }

    /// <summary>SHA-256 of the private cancel link's token; the token itself is only in the person's e-mail.</summary>
    public string? CancelTokenHash { get; set; }

    public bool Attended { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime StatusChangedUtc { get; set; }

    /// <summary>When the retention job emptied the personal fields.</summary>
    public DateTime? PersonalDataDeletedUtc { get; set; }
}

public enum RegistrationStatus
{
    Confirmed = 0,
    Waiting = 1,
    Cancelled = 2,
}

/// <summary>
/// One row per event translation group: the lock every change to the group's registrations takes first (an UPDATE of
/// <see cref="LastSequence"/>), which serialises registrations of one event on SQLite and SQL Server alike.
/// </summary>
public class EventRegistrationList
{
    public Guid EventGroupId { get; set; }

    public int LastSequence { get; set; }

    /// <summary>
    /// When the people on the list were told that the event is cancelled (once per cancellation: cleared when the
    /// event is on again, so a second cancellation is told too). Null while the event is on.
    /// </summary>
    public DateTime? CancellationNoticeUtc { get; set; }
}
