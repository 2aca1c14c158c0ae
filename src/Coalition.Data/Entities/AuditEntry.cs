namespace Coalition.Data.Entities;

/// <summary>
/// One staff action or security event. Append-only: the app has no code path that edits or deletes entries.
/// It stores who (staff id and e-mail at the time), never visitors' personal data or IP addresses.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
}
