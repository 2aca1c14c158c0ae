using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>The press room: alerts, confirmation links, feed and rate limits. Section <c>Press</c>.</summary>
public sealed class PressOptions
{
    public const string SectionName = "Press";

    /// <summary>How often the alert job looks for releases that became public, in seconds. Default 60 (alerts leave within a minute of the embargo).</summary>
    [Range(5, 3600, ErrorMessage = "Press:AlertPollSeconds must be between 5 and 3600.")]
    public int AlertPollSeconds { get; set; } = 60;

    /// <summary>How long a subscription's confirmation link works, in hours. Default 72.</summary>
    [Range(1, 720, ErrorMessage = "Press:ConfirmationHours must be between 1 and 720.")]
    public int ConfirmationHours { get; set; } = 72;

    /// <summary>Entries in the Atom feed. Default 20.</summary>
    [Range(1, 100, ErrorMessage = "Press:FeedSize must be between 1 and 100.")]
    public int FeedSize { get; set; } = 20;

    /// <summary>Subscription POSTs (subscribe, unsubscribe) per IP address in <see cref="SubscribeWindowSeconds"/>. Default 5.</summary>
    [Range(1, 100000, ErrorMessage = "Press:SubscribePermitLimit must be between 1 and 100000.")]
    public int SubscribePermitLimit { get; set; } = 5;

    /// <summary>Default 600 (10 minutes).</summary>
    [Range(1, 86400, ErrorMessage = "Press:SubscribeWindowSeconds must be between 1 and 86400.")]
    public int SubscribeWindowSeconds { get; set; } = 600;

    /// <summary>Requests to access links (pages and files) per IP address in <see cref="AccessWindowSeconds"/>. Default 60.</summary>
    [Range(1, 100000, ErrorMessage = "Press:AccessPermitLimit must be between 1 and 100000.")]
    public int AccessPermitLimit { get; set; } = 60;

    /// <summary>Default 60.</summary>
    [Range(1, 86400, ErrorMessage = "Press:AccessWindowSeconds must be between 1 and 86400.")]
    public int AccessWindowSeconds { get; set; } = 60;
}
