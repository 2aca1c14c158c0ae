namespace Coalition.Data.Entities;

/// <summary>
/// A visitor's message of support on a campaign page. Plain text, shown only once approved. No e-mail, IP address or
/// user agent is kept; who decided is kept for the audit trail and never shown to the public.
/// </summary>
public class SupportMessage
{
    public int Id { get; set; }

    /// <summary>The campaign's translation group: a message belongs to the campaign in every language.</summary>
    public Guid CampaignGroupId { get; set; }

    /// <summary>The language of the page the message was left on.</summary>
    public string Culture { get; set; } = "";

    public string? FirstName { get; set; }

    public string? Town { get; set; }

    public string Text { get; set; } = "";

    public SupportMessageStatus Status { get; set; } = SupportMessageStatus.Waiting;

    public DateTime CreatedUtc { get; set; }

    /// <summary>When staff last decided on it; a rejected message is purged a retention period after this.</summary>
    public DateTime? DecidedUtc { get; set; }

    public string? DecidedById { get; set; }
}

public enum SupportMessageStatus
{
    Waiting = 0,
    Approved = 1,
    Rejected = 2,

    /// <summary>Approved once, then taken off the page again.</summary>
    Hidden = 3,
}
