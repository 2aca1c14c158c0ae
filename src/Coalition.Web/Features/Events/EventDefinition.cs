using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Localization;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.ViewModels.Events;

namespace Coalition.Web.Features.Events;

/// <summary>
/// Trainings, seminars and workshops: <c>/{culture}/events/{slug}</c>, with a registration list that the
/// translations of one event share (<see cref="EventRegistrations"/>).
/// </summary>
public sealed class EventDefinition : ContentDefinition<Event, EventFields>
{
    public override string AdminSegment => "events";
    public override string PluralName => "Events";
    public override string SingularName => "Event";
    public override int MenuOrder => 30;
    public override string SectionPath => "events";
    public override string FieldsPartial => "~/Areas/Admin/Views/Content/Fields/_Event.cshtml";
    public override string PublicView => "~/Views/Events/Show.cshtml";

    /// <summary>An event moves from upcoming to past, and its registration closes, at these times: cached lists follow.</summary>
    public override IReadOnlyList<string> ScheduleColumns => [nameof(Event.StartUtc), nameof(Event.EndUtc), nameof(Event.RegistrationClosesUtc)];
    // Site search and structured data (issue 14): the venue is searchable; the page carries schema.org Event.
    public override string SchemaType => "Event";

    public override string SearchText(ContentItem item) =>
        item is Event { Venue: { Length: > 0 } venue } ? base.SearchText(item) + " " + venue : base.SearchText(item);

    public override void DescribeSchema(ContentItem item, System.Text.Json.Nodes.JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (item is not Event e)
        {
            return;
        }

        // Times in Dushanbe time with its offset: schema.org's way to give the time zone.
        node["startDate"] = Discovery.HeadTags.SchemaTime(e.StartUtc);
        node["endDate"] = Discovery.HeadTags.SchemaTime(e.EndUtc);
        node["eventStatus"] = e.Cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled";
        node["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        node["location"] = new System.Text.Json.Nodes.JsonObject
        {
            ["@type"] = "Place",
            ["name"] = string.IsNullOrWhiteSpace(e.Venue) ? e.City.ToString() : e.Venue,
            ["address"] = new System.Text.Json.Nodes.JsonObject
            {
                ["@type"] = "PostalAddress",
                ["addressLocality"] = e.City.ToString(),
                ["addressCountry"] = "TJ",
            },
        };
        node["organizer"] = new System.Text.Json.Nodes.JsonObject { ["@type"] = "Organization", ["name"] = "Coalition against Torture and Impunity in Tajikistan" };
    }

    protected override EventFields Read(Event item) => new()
    {
        Start = DushanbeTime.ToLocal(item.StartUtc),
        End = DushanbeTime.ToLocal(item.EndUtc),
        City = item.City,
        Venue = item.Venue,
        Audience = item.Audience,
        EventLanguage = item.EventLanguage,
        Capacity = item.Capacity,
        RegistrationCloses = item.RegistrationClosesUtc is { } closes ? DushanbeTime.ToLocal(closes) : null,
        Trainers = item.Trainers,
        Cancelled = item.Cancelled,
    };

    protected override void Apply(Event item, EventFields fields)
    {
        // The form requires both; a revision without them (never saved through the form) keeps the item's times.
        if (fields.Start is { } start)
        {
            item.StartUtc = DushanbeTime.ToUtc(start);
        }

        item.EndUtc = fields.End is { } end ? DushanbeTime.ToUtc(end) : item.StartUtc;
        item.City = fields.City;
        item.Venue = Trimmed(fields.Venue);
        item.Audience = Trimmed(fields.Audience);
        item.EventLanguage = Trimmed(fields.EventLanguage);
        item.Capacity = fields.Capacity;
        item.RegistrationClosesUtc = fields.RegistrationCloses is { } closes ? DushanbeTime.ToUtc(closes) : null;
        item.Trainers = Trimmed(fields.Trainers);
        item.Cancelled = fields.Cancelled;
    }

    protected override async Task<object> PublicModelAsync(Event item, IServiceProvider services, CancellationToken ct)
    {
        var registrations = services.GetRequiredService<EventRegistrations>();
        var places = await registrations.PlacesAsync(item, ct);
        return new EventPageViewModel(item, places, EventTrainers.Parse(item.Trainers), new RegistrationForm());
    }

    protected override Task ValidateAsync(EventFields fields, FieldValidation validation)
    {
        if (fields.Start is null)
        {
            validation.Fail("Start", "Enter the start.");
        }

        if (fields.End is null)
        {
            validation.Fail("End", "Enter the end.");
        }

        if (fields.End < fields.Start)
        {
            validation.Fail("End", "The end must not be before the start.");
        }

        if (fields.RegistrationCloses is { } closes && closes > fields.End)
        {
            validation.Fail("RegistrationCloses", "Registration must close before the event ends.");
        }

        if (EventTrainers.Parse(fields.Trainers).Any(t => t.Name.Length == 0))
        {
            validation.Fail("Trainers", "Each trainer line needs a name: Name | role.");
        }

        return Task.CompletedTask;
    }

    public override ContentFields ExampleFields(IReadOnlyDictionary<MediaKind, int> media) => new EventFields
    {
        Start = new DateTime(2030, 6, 26, 10, 0, 0, DateTimeKind.Unspecified),
        End = new DateTime(2030, 6, 26, 17, 0, 0, DateTimeKind.Unspecified),
        City = EventCity.Khujand,
        Venue = "Example venue",
        Audience = "Example audience",
        EventLanguage = "Example language",
        Capacity = 25,
        RegistrationCloses = new DateTime(2030, 6, 25, 18, 0, 0, DateTimeKind.Unspecified),
        Trainers = "Example Trainer | lawyer",
        Cancelled = false,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class EventFields : ContentFields
{
    /// <summary>Dushanbe time.</summary>
    [Display(Name = "Starts (Dushanbe time)")]
    public DateTime? Start { get; set; }

    /// <summary>Dushanbe time.</summary>
    [Display(Name = "Ends (Dushanbe time)")]
    public DateTime? End { get; set; }

    [Display(Name = "City")]
    public EventCity City { get; set; }

    [Display(Name = "Venue")]
    [StringLength(1000, ErrorMessage = "At most {1} characters.")]
    public string? Venue { get; set; }

    [Display(Name = "Audience")]
    [StringLength(300, ErrorMessage = "At most {1} characters.")]
    public string? Audience { get; set; }

    [Display(Name = "Language of the event")]
    [StringLength(100, ErrorMessage = "At most {1} characters.")]
    public string? EventLanguage { get; set; }

    [Display(Name = "Places")]
    [Range(1, 10_000, ErrorMessage = "Between {1} and {2} places.")]
    public int Capacity { get; set; } = 20;

    /// <summary>Dushanbe time; empty: registration closes when the event starts.</summary>
    [Display(Name = "Registration closes (Dushanbe time)")]
    public DateTime? RegistrationCloses { get; set; }

    [Display(Name = "Trainers")]
    [StringLength(2000, ErrorMessage = "At most {1} characters.")]
    public string? Trainers { get; set; }

    [Display(Name = "Cancelled")]
    public bool Cancelled { get; set; }
}

/// <summary>A trainer as the event page shows them.</summary>
public sealed record EventTrainer(string Name, string? Role)
{
    public override string ToString() => Role is null ? Name : $"{Name} | {Role}";
}

public static class EventTrainers
{
    /// <summary>"Name | role" lines; blank lines are skipped.</summary>
    public static IReadOnlyList<EventTrainer> Parse(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new EventTrainer(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null))
            .ToList();
}
