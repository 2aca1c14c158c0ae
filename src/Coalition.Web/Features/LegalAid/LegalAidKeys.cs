using System.Data;
using System.Security.Cryptography;
using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.LegalAid;

public enum KeyRotation
{
    Rotated,
    NotSetUp,
    WrongPassphrase,
}

/// <summary>
/// The Group's key pairs: set-up, unlocking with the passphrase, rotation, and starting over after a lost passphrase.
/// The passphrase is never stored; only what PBKDF2 makes of it opens the private keys, and only in memory.
/// </summary>
public sealed class LegalAidKeys(CoalitionDbContext db, IOptions<LegalAidOptions> options, TimeProvider clock, AuditLog audit, LegalAidVault vault)
{
    public const int MinimumPassphraseLength = 16;

    /// <summary>The key new requests are sealed with, or null while the Group has not set one up.</summary>
    public Task<LegalAidKey?> CurrentAsync(CancellationToken ct = default) =>
        db.LegalAidKeys.AsNoTracking().Where(k => k.RetiredUtc == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);

    /// <summary>Makes the first key pair. False when one exists already (rotate it instead).</summary>
    public Task<bool> CreateAsync(string passphrase) => SerialisedAsync(() => CreateCoreAsync(passphrase));

    /// <summary>
    /// A new key pair for new requests, and every existing private key re-encrypted under the new passphrase, in one
    /// save: old requests stay readable with the new passphrase, and the old passphrase opens nothing any more.
    /// Every member's unlock ends.
    /// </summary>
    public Task<KeyRotation> RotateAsync(string currentPassphrase, string newPassphrase) =>
        SerialisedAsync(() => RotateCoreAsync(currentPassphrase, newPassphrase));

    private async Task<bool> CreateCoreAsync(string passphrase)
    {
        // Serialised with other set-ups and rotations: two key rings made at once would need two passphrases.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
        if (await db.LegalAidKeys.AnyAsync())
        {
            return false;
        }

        var salt = LegalAidCrypto.NewSalt();
        var iterations = options.Value.PassphraseIterations;
        var passphraseKey = LegalAidCrypto.DerivePassphraseKey(passphrase, salt, iterations);
        try
        {
            db.LegalAidKeys.Add(NewKey(passphraseKey, salt, iterations));
            audit.Add(AuditActions.LegalAidKeyCreate, nameof(LegalAidKey));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphraseKey);
        }
    }

    /// <summary>Every private key opened with <paramref name="passphrase"/>, or null when it is wrong (audited either way, never the passphrase).</summary>
    public async Task<UnlockedKeyRing?> UnlockAsync(string passphrase)
    {
        var keys = await db.LegalAidKeys.AsNoTracking().ToListAsync();
        var opened = keys.Count == 0 ? null : DecryptAll(keys, passphrase);
        await audit.RecordAsync(opened is null ? AuditActions.LegalAidUnlockFailed : AuditActions.LegalAidUnlock, nameof(LegalAidKey));
        return opened is null ? null : new UnlockedKeyRing(opened);
    }

    private async Task<KeyRotation> RotateCoreAsync(string currentPassphrase, string newPassphrase)
    {
        // Serialised: two rotations at once would leave keys under two different passphrases.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
        var keys = await db.LegalAidKeys.ToListAsync();
        if (keys.Count == 0)
        {
            return KeyRotation.NotSetUp;
        }

        var opened = DecryptAll(keys, currentPassphrase);
        if (opened is null)
        {
            await audit.RecordAsync(AuditActions.LegalAidUnlockFailed, nameof(LegalAidKey));
            await transaction.CommitAsync();
            return KeyRotation.WrongPassphrase;
        }

        var salt = LegalAidCrypto.NewSalt();
        var iterations = options.Value.PassphraseIterations;
        var passphraseKey = LegalAidCrypto.DerivePassphraseKey(newPassphrase, salt, iterations);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var key in keys)
            {
                key.EncryptedPrivateKey = LegalAidCrypto.EncryptPrivateKey(opened[key.Id], passphraseKey, key.PublicKey);
                key.Salt = salt;
                key.Iterations = iterations;
                key.RetiredUtc ??= now;
            }

            db.LegalAidKeys.Add(NewKey(passphraseKey, salt, iterations));
            audit.Add(AuditActions.LegalAidKeyRotate, nameof(LegalAidKey));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphraseKey);
            foreach (var privateKey in opened.Values)
            {
                CryptographicOperations.ZeroMemory(privateKey);
            }
        }

        vault.DiscardAll();
        return KeyRotation.Rotated;
    }

    /// <summary>
    /// After a lost passphrase: deletes every request, note and key (none of them can be read again by anyone), so that
    /// the Group can set up a new key. There is no other way back.
    /// </summary>
    public async Task ResetAsync()
    {
        var requests = await db.LegalAidRequests.CountAsync();
        await db.LegalAidNotes.ExecuteDeleteAsync();
        await db.LegalAidRequests.ExecuteDeleteAsync();
        await db.LegalAidKeys.ExecuteDeleteAsync();
        vault.DiscardAll();
        await audit.RecordAsync(AuditActions.LegalAidKeyReset, nameof(LegalAidKey), summary: $"{requests} requests deleted");
    }

    /// <summary>In a serializable transaction, through the execution strategy (SQL Server retries), from a clean change tracker on each attempt.</summary>
    private Task<T> SerialisedAsync<T>(Func<Task<T>> operation) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(() =>
        {
            db.ChangeTracker.Clear();
            return operation();
        });

    private LegalAidKey NewKey(byte[] passphraseKey, byte[] salt, int iterations)
    {
        var (publicKey, privateKey) = LegalAidCrypto.CreateKeyPair();
        try
        {
            return new LegalAidKey
            {
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                PublicKey = publicKey,
                EncryptedPrivateKey = LegalAidCrypto.EncryptPrivateKey(privateKey, passphraseKey, publicKey),
                Salt = salt,
                Iterations = iterations,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>PKCS#8 keys by id, or null if any does not open: one passphrase opens all of them.</summary>
    private static Dictionary<int, byte[]>? DecryptAll(IReadOnlyList<LegalAidKey> keys, string passphrase)
    {
        var result = new Dictionary<int, byte[]>();
        foreach (var group in keys.GroupBy(k => (Convert.ToBase64String(k.Salt), k.Iterations)))
        {
            var first = group.First();
            var passphraseKey = LegalAidCrypto.DerivePassphraseKey(passphrase, first.Salt, first.Iterations);
            try
            {
                foreach (var key in group)
                {
                    if (LegalAidCrypto.DecryptPrivateKey(key.EncryptedPrivateKey, passphraseKey, key.PublicKey) is not { } privateKey)
                    {
                        foreach (var opened in result.Values)
                        {
                            CryptographicOperations.ZeroMemory(opened);
                        }

                        return null;
                    }

                    result[key.Id] = privateKey;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(passphraseKey);
            }
        }

        return result;
    }
}
