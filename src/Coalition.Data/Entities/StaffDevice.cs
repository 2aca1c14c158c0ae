namespace Coalition.Data.Entities;

/// <summary>
/// A browser a staff account has signed in from, recognised by a long-lived random cookie of which only the SHA-256
/// hash is stored. A sign-in from a browser not listed sends the person an alert. No IP address, no full user agent.
/// </summary>
public class StaffDevice
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Base64 SHA-256 of the device cookie's random value.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>"Firefox", "Chrome", "Safari", "Edge", "Opera" or "Other", as shown in the alert.</summary>
    public string BrowserFamily { get; set; } = "";

    public DateTime FirstSeenUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }
}
