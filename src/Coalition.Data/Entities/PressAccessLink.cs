namespace Coalition.Data.Entities;

/// <summary>
/// Early access to an embargoed press release for one named recipient ("RFE/RL Dushanbe desk"). Only the SHA-256
/// hash of the token is stored. Openings are counted without any IP address or cookie.
/// </summary>
public class PressAccessLink
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public int PressReleaseId { get; set; }
    public string RecipientLabel { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public int OpenCount { get; set; }
    public DateTime? LastOpenedUtc { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
}
