using System.ComponentModel.DataAnnotations;

namespace Coalition.Web.Options;

/// <summary>Campaigns and messages of support. Section <c>Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>Days a rejected message of support is kept before it is deleted for good. Default 30.</summary>
    [Range(1, 3650, ErrorMessage = "Campaigns:RejectedRetentionDays must be between 1 and 3650.")]
    public int RejectedRetentionDays { get; set; } = 30;

    /// <summary>Seconds that must pass between showing the message form and sending it; quicker is a bot. Default 3.</summary>
    [Range(0, 600, ErrorMessage = "Campaigns:MinimumFillSeconds must be between 0 and 600.")]
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>Hours a shown message form stays valid. Default 24.</summary>
    [Range(1, 720, ErrorMessage = "Campaigns:FormLifetimeHours must be between 1 and 720.")]
    public int FormLifetimeHours { get; set; } = 24;

    /// <summary>Messages of support one client address may send per window (in memory, per instance). Default 5.</summary>
    [Range(1, 100_000, ErrorMessage = "Campaigns:MessagePermitLimit must be between 1 and 100000.")]
    public int MessagePermitLimit { get; set; } = 5;

    /// <summary>Window of the message limit, in seconds. Default 600.</summary>
    [Range(1, 86_400, ErrorMessage = "Campaigns:MessageWindowSeconds must be between 1 and 86400.")]
    public int MessageWindowSeconds { get; set; } = 600;
}
