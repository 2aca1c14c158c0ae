using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Coalition.Web.Features.LegalAid;

/// <summary>A sealed text: the content key wrapped for one key pair, and the content under that key.</summary>
public sealed record SealedData(byte[] WrappedKey, byte[] Ciphertext);

/// <summary>
/// The Legal Aid Group's hybrid encryption, from System.Security.Cryptography only (see docs/decisions/0005):
/// <list type="bullet">
/// <item>content: AES-256-GCM under a fresh random key per request or note;</item>
/// <item>that key wrapped for the Group's ECDH P-384 public key: ephemeral-static ECDH, HKDF-SHA256 of the shared
/// secret and both public keys, AES-256-GCM;</item>
/// <item>the private key encrypted with PBKDF2-HMAC-SHA256 of the passphrase, then AES-256-GCM.</item>
/// </list>
/// Every AES-GCM call binds associated data (the record's identity, or the public key), so a ciphertext copied to
/// another row does not open.
/// </summary>
public static class LegalAidCrypto
{
    private const byte FormatVersion = 1;
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] WrapInfo = "coalition legal-aid v1 key wrap"u8.ToArray();

    public static ECCurve Curve => ECCurve.NamedCurves.nistP384;

    /// <summary>A new key pair: SubjectPublicKeyInfo and PKCS#8 (the caller zeroes the private key when done).</summary>
    public static (byte[] PublicKey, byte[] PrivateKey) CreateKeyPair()
    {
        using var ecdh = ECDiffieHellman.Create(Curve);
        return (ecdh.ExportSubjectPublicKeyInfo(), ecdh.ExportPkcs8PrivateKey());
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    /// <summary>The key that encrypts private keys, from the passphrase (Unicode-normalised, so the same words typed on two keyboards match).</summary>
    public static byte[] DerivePassphraseKey(string passphrase, byte[] salt, int iterations)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var bytes = Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(bytes, salt, iterations, HashAlgorithmName.SHA256, KeySize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static byte[] EncryptPrivateKey(byte[] privateKey, byte[] passphraseKey, byte[] publicKey) =>
        AeadSeal(passphraseKey, privateKey, publicKey);

    /// <summary>The PKCS#8 private key, or null when the passphrase (hence the key) is wrong.</summary>
    public static byte[]? DecryptPrivateKey(byte[] encryptedPrivateKey, byte[] passphraseKey, byte[] publicKey)
    {
        try
        {
            return AeadOpen(passphraseKey, encryptedPrivateKey, publicKey);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Encrypts <paramref name="plaintext"/> so that only the holder of <paramref name="recipientPublicKey"/>'s private key can read it.</summary>
    public static SealedData Seal(ReadOnlySpan<byte> plaintext, byte[] recipientPublicKey, byte[] associatedData)
    {
        var contentKey = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var ciphertext = AeadSeal(contentKey, plaintext, associatedData);
            return new SealedData(Wrap(contentKey, recipientPublicKey, associatedData), ciphertext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>Decrypts what <see cref="Seal"/> made; throws <see cref="CryptographicException"/> if anything does not match.</summary>
    public static byte[] Open(SealedData data, ECDiffieHellman privateKey, byte[] associatedData)
    {
        ArgumentNullException.ThrowIfNull(data);
        var contentKey = Unwrap(data.WrappedKey, privateKey, associatedData);
        try
        {
            return AeadOpen(contentKey, data.Ciphertext, associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>The associated data of a request or note: its kind and identity.</summary>
    public static byte[] Context(string kind, Guid id, Guid? parent = null) =>
        Encoding.UTF8.GetBytes(parent is { } p ? $"legal-aid/{kind}/{id:N}/{p:N}" : $"legal-aid/{kind}/{id:N}");

    private static byte[] Wrap(byte[] contentKey, byte[] recipientPublicKey, byte[] associatedData)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(recipientPublicKey, out _);
        using var ephemeral = ECDiffieHellman.Create(Curve);
        var ephemeralPublic = ephemeral.ExportSubjectPublicKeyInfo();
        var secret = ephemeral.DeriveRawSecretAgreement(recipient.PublicKey);
        var wrappingKey = WrappingKey(secret, ephemeralPublic, recipientPublicKey);
        try
        {
            var sealedKey = AeadSeal(wrappingKey, contentKey, associatedData);
            var result = new byte[1 + 2 + ephemeralPublic.Length + sealedKey.Length];
            result[0] = FormatVersion;
            BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(1), (ushort)ephemeralPublic.Length);
            ephemeralPublic.CopyTo(result, 3);
            sealedKey.CopyTo(result, 3 + ephemeralPublic.Length);
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    private static byte[] Unwrap(byte[] wrapped, ECDiffieHellman privateKey, byte[] associatedData)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (wrapped.Length < 3 || wrapped[0] != FormatVersion)
        {
            throw new CryptographicException("Unknown wrapped-key format.");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(wrapped.AsSpan(1));
        if (wrapped.Length < 3 + length + NonceSize + TagSize)
        {
            throw new CryptographicException("Truncated wrapped key.");
        }

        var ephemeralPublic = wrapped.AsSpan(3, length).ToArray();
        using var ephemeral = ECDiffieHellman.Create();
        ephemeral.ImportSubjectPublicKeyInfo(ephemeralPublic, out _);
        var recipientPublic = privateKey.ExportSubjectPublicKeyInfo();
        var secret = privateKey.DeriveRawSecretAgreement(ephemeral.PublicKey);
        var wrappingKey = WrappingKey(secret, ephemeralPublic, recipientPublic);
        try
        {
            return AeadOpen(wrappingKey, wrapped.AsSpan(3 + length).ToArray(), associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    private static byte[] WrappingKey(byte[] secret, byte[] ephemeralPublic, byte[] recipientPublic)
    {
        var info = new byte[WrapInfo.Length + ephemeralPublic.Length + recipientPublic.Length];
        WrapInfo.CopyTo(info, 0);
        ephemeralPublic.CopyTo(info, WrapInfo.Length);
        recipientPublic.CopyTo(info, WrapInfo.Length + ephemeralPublic.Length);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, KeySize, salt: [], info: info);
    }

    /// <summary>nonce ‖ ciphertext ‖ tag.</summary>
    private static byte[] AeadSeal(byte[] key, ReadOnlySpan<byte> plaintext, byte[] associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    private static byte[] AeadOpen(byte[] key, byte[] sealedData, byte[] associatedData)
    {
        if (sealedData.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("Truncated ciphertext.");
        }

        var length = sealedData.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.AsSpan(0, NonceSize), sealedData.AsSpan(NonceSize, length), sealedData.AsSpan(NonceSize + length), plaintext, associatedData);
        return plaintext;
    }
}
