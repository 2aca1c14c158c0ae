namespace Coalition.Data.Entities;

/// <summary>
/// An e-mail address that asked for press-release alerts in one language. Nothing is sent before
/// <see cref="ConfirmedUtc"/> (double opt-in); unsubscribing deletes the row.
/// </summary>
public class PressSubscriber
{
    public int Id { get; set; }

    /// <summary>Lower case, trimmed.</summary>
    public string Email { get; set; } = "";

    public string Culture { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>SHA-256 of the confirmation token of the last confirmation mail; null once confirmed.</summary>
    public string? ConfirmTokenHash { get; set; }

    public DateTime? ConfirmExpiresUtc { get; set; }

    public DateTime? ConfirmedUtc { get; set; }

    /// <summary>Random; part of the signed unsubscribe token in every mail, so an old token stops working after a new subscription.</summary>
    public string UnsubscribeStamp { get; set; } = "";
}
