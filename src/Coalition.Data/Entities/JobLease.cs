namespace Coalition.Data.Entities;

/// <summary>
/// A named lease shared by every instance of the app through the database: a periodic job ("trash-purge") holds it
/// until the end of its current period, a one-time claim ("mail:&lt;message id&gt;") until it is no longer needed.
/// Taken with one conditional UPDATE, so that of several instances exactly one succeeds.
/// </summary>
public class JobLease
{
    public string Name { get; set; } = "";

    /// <summary>Which instance took it last (machine, process and a random id); for diagnosis only.</summary>
    public string Holder { get; set; } = "";

    public DateTime AcquiredUtc { get; set; }

    /// <summary>Until this UTC time no other instance can take the lease.</summary>
    public DateTime ExpiresUtc { get; set; }
}
