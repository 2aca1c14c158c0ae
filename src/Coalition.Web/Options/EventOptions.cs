using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Events and their registrations. Section <c>Events</c>.</summary>
public sealed class EventOptions
{
    public const string SectionName = "Events";

    /// <summary>
    /// Days after an event ends until the registrants' personal data (name, e-mail, phone, organisation, needs) is
    /// deleted; only the counts remain. Default 90.
    /// </summary>
    [Range(0, 3650, ErrorMessage = "Events:RegistrantRetentionDays must be between 0 and 3650.")]
    public int RegistrantRetentionDays { get; set; } = 90;

    /// <summary>Registrations are considered "about to fill" on the dashboard when at most this many places are left. Default 5.</summary>
    [Range(0, 1000, ErrorMessage = "Events:AlmostFullPlaces must be between 0 and 1000.")]
    public int AlmostFullPlaces { get; set; } = 5;

    /// <summary>Events whose registration closes within this many days are shown on the dashboard. Default 3.</summary>
    [Range(0, 365, ErrorMessage = "Events:ClosingSoonDays must be between 0 and 365.")]
    public int ClosingSoonDays { get; set; } = 3;
}
