using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Events;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.ViewModels.Events;

/// <summary>One card of the events lists.</summary>
public sealed record EventCard(string Slug, string Title, string? Summary, DateTime StartUtc, DateTime EndUtc, EventCity City, string? Audience, string? EventLanguage, EventPlaces Places);

public sealed record EventListViewModel(IReadOnlyList<EventCard> Upcoming, bool HasPast);

public sealed record PastEventsViewModel(PagedList<EventCard> Page);

/// <summary>The event page, also its preview. <see cref="Form"/> keeps what the visitor typed when it is refused.</summary>
public sealed record EventPageViewModel(Event Event, EventPlaces Places, IReadOnlyList<EventTrainer> Trainers, RegistrationForm Form)
{
    /// <summary>A message above the form: why the registration was refused.</summary>
    public string? Problem { get; init; }
}

/// <summary>What the registration form posts. Messages are resource keys.</summary>
public sealed class RegistrationForm
{
    [Display(Name = "Your name")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "E-mail")]
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [StringLength(254, ErrorMessage = "At most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address, like name@example.org.")]
    public string? Email { get; set; }

    [Display(Name = "Phone (optional)")]
    [StringLength(50, ErrorMessage = "At most {1} characters.")]
    public string? Phone { get; set; }

    [Display(Name = "Organisation (optional)")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Organisation { get; set; }

    [Display(Name = "Your role (optional)")]
    [StringLength(200, ErrorMessage = "At most {1} characters.")]
    public string? JobRole { get; set; }

    [Display(Name = "Language needs (optional)")]
    [StringLength(500, ErrorMessage = "At most {1} characters.")]
    public string? LanguageNeeds { get; set; }

    [Display(Name = "Accessibility needs (optional)")]
    [StringLength(500, ErrorMessage = "At most {1} characters.")]
    public string? AccessibilityNeeds { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please agree to the privacy note to register.")]
    public bool Consent { get; set; }
}

/// <summary>The page after a registration: what the visitor sees, the same for a new and a repeated address.</summary>
public sealed record RegistrationDoneViewModel(string EventTitle, string EventPath, RegistrationOutcome Outcome, int WaitingNumber);

/// <summary>The cancel page a private link opens.</summary>
public sealed record CancelViewModel(string? Token, string? EventTitle, CancelState State);

public enum CancelState
{
    /// <summary>The link is good: ask to confirm.</summary>
    Confirm,

    /// <summary>Cancelled now.</summary>
    Done,

    /// <summary>The registration was already cancelled with this link.</summary>
    AlreadyCancelled,

    /// <summary>No registration has this link (forged, mistyped, or its data deleted).</summary>
    Invalid,
}
