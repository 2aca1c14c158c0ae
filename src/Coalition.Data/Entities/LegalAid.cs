namespace Coalition.Data.Entities;

/// <summary>
/// One key pair of the Legal Aid Group (ECDH P-384). The public key seals requests; the private key is stored only
/// encrypted with a key derived from the Group's passphrase (PBKDF2-SHA256, then AES-256-GCM). Exactly one key is
/// current (<see cref="RetiredUtc"/> null); retired keys still open the requests sealed with them. At a rotation every
/// private key is re-encrypted under the new passphrase, so one passphrase opens them all.
/// </summary>
public class LegalAidKey
{
    public int Id { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? RetiredUtc { get; set; }

    /// <summary>SubjectPublicKeyInfo (DER).</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>Nonce, AES-GCM ciphertext of the PKCS#8 private key, tag; the public key is the associated data.</summary>
    public byte[] EncryptedPrivateKey { get; set; } = [];

    public byte[] Salt { get; set; } = [];
    public int Iterations { get; set; }
}

public enum LegalAidStatus
{
    New = 0,
    InProgress = 1,
    Closed = 2,
}

/// <summary>
/// A request for legal help, sealed before it was stored: <see cref="Ciphertext"/> holds every field the person
/// typed, under a fresh AES-256-GCM key that only <see cref="KeyId"/>'s private key unwraps. The plain columns are the
/// inbox workflow only. No IP address, user agent or reference number is kept.
/// </summary>
public class LegalAidRequest
{
    public Guid Id { get; set; }
    public int KeyId { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] Ciphertext { get; set; } = [];

    /// <summary>When it arrived, to the hour: the exact second would help match it to a network log.</summary>
    public DateTime ReceivedUtc { get; set; }

    public LegalAidStatus Status { get; set; }
    public DateTime? FirstOpenedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public string? AssignedToUserId { get; set; }
    public List<LegalAidNote> Notes { get; set; } = [];
}

/// <summary>An internal note of the Legal Aid Group on a request, sealed like the request itself.</summary>
public class LegalAidNote
{
    public Guid Id { get; set; }
    public Guid RequestId { get; set; }
    public int KeyId { get; set; }
    public byte[] WrappedKey { get; set; } = [];
    public byte[] Ciphertext { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public string? AuthorUserId { get; set; }
}
