namespace Coalition.Data.Entities;

/// <summary>
/// A read-only preview link for a draft, for a partner without an account. Only the SHA-256 hash of the token is
/// stored, so a copy of the database does not open any preview.
/// </summary>
public class ShareLink
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int ItemId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
}
