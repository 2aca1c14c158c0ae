namespace Coalition.Data.Entities;

/// <summary>
/// One e-mail waiting to be sent (the durable mail outbox, docs/decisions/0021-durable-mail-outbox.md). The message is
/// kept only until it is sent or given up, and only encrypted: <see cref="Content"/> is the MIME message protected with
/// Data Protection, so addresses, links with tokens and bodies cannot be read in the database file or a backup
/// without the key ring. Several instances share the table; a row is sent by the one that holds its lease.
/// </summary>
public class OutgoingMail
{
    public long Id { get; set; }

    /// <summary>SHA-256 (hex) of the message's Message-Id, unique: a message given twice with one fixed id is stored once.</summary>
    public string MessageIdHash { get; set; } = "";

    /// <summary>The MIME message (as <c>MimeMessage.WriteTo</c> writes it), encrypted with Data Protection.</summary>
    public byte[] Content { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this UTC time: now when queued, later after each failure (the backoff).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Until this UTC time the instance in <see cref="LeaseHolder"/> is sending the row and no other takes it.</summary>
    public DateTime LeaseUntilUtc { get; set; }

    /// <summary>Who took the lease last (instance and round); for the conditional updates and diagnosis only.</summary>
    public string? LeaseHolder { get; set; }
}
