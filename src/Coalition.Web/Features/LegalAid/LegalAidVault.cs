using System.Collections.Concurrent;
using System.Security.Cryptography;
using Coalition.Data.Entities;
using Coalition.Web.Options;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.LegalAid;

/// <summary>
/// The Group's private keys after a member typed the passphrase. Lives in server memory only, inside one
/// <see cref="LegalAidVault"/> entry; disposing it frees the keys.
/// </summary>
public sealed class UnlockedKeyRing : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, ECDiffieHellman> _keys;
    private bool _disposed;

    /// <summary>Takes the PKCS#8 keys and zeroes them once imported.</summary>
    public UnlockedKeyRing(IReadOnlyDictionary<int, byte[]> privateKeys)
    {
        ArgumentNullException.ThrowIfNull(privateKeys);
        _keys = [];
        foreach (var (id, pkcs8) in privateKeys)
        {
            var key = ECDiffieHellman.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            CryptographicOperations.ZeroMemory(pkcs8);
            _keys[id] = key;
        }
    }

    public bool IsDisposed
    {
        get
        {
            lock (_lock)
            {
                return _disposed;
            }
        }
    }

    /// <summary>The plaintext, or null when the key is not in the ring or the data does not open.</summary>
    public byte[]? Open(int keyId, SealedData data, byte[] associatedData)
    {
        lock (_lock)
        {
            if (_disposed || !_keys.TryGetValue(keyId, out var key))
            {
                return null;
            }

            try
            {
                return LegalAidCrypto.Open(data, key, associatedData);
            }
            catch (CryptographicException)
            {
                return null;
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var key in _keys.Values)
            {
                key.Dispose();
            }

            _keys.Clear();
        }
    }
}

/// <summary>
/// Unlocked key rings by a random per-session id (kept in the member's <c>coalition.legalaid</c> cookie), bound to the
/// member's account and security stamp, for at most <see cref="LegalAidOptions.UnlockMinutes"/> from unlocking. An
/// entry is discarded when it expires (checked every minute and on every use), at sign-out, when the stamp changes
/// (sign out everywhere, role change, a revoked permission) and at a key rotation. Nothing is written to disk.
/// With several app instances, an unlock holds only on the instance that received it.
/// </summary>
public sealed class LegalAidVault : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly IOptions<LegalAidOptions> _options;
    private readonly ITimer _sweep;

    public LegalAidVault(TimeProvider clock, IOptions<LegalAidOptions> options)
    {
        _clock = clock;
        _options = options;
        _sweep = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public int Count => _entries.Count;

    /// <summary>Keeps <paramref name="ring"/> for the member; returns the new session id.</summary>
    public string Store(string userId, string? securityStamp, UnlockedKeyRing ring)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _entries[id] = new Entry(userId, securityStamp, ring, _clock.GetUtcNow().AddMinutes(_options.Value.UnlockMinutes));
        return id;
    }

    /// <summary>The member's unlocked ring, or null (and the entry gone) when expired or not theirs.</summary>
    public UnlockedKeyRing? Find(string? sessionId, string? userId, string? securityStamp)
    {
        if (string.IsNullOrEmpty(sessionId) || !_entries.TryGetValue(sessionId, out var entry))
        {
            return null;
        }

        if (entry.ExpiresUtc <= _clock.GetUtcNow() || entry.UserId != userId || entry.SecurityStamp != securityStamp || entry.Ring.IsDisposed)
        {
            Discard(sessionId);
            return null;
        }

        return entry.Ring;
    }

    public DateTimeOffset? ExpiresUtc(string? sessionId) =>
        sessionId is not null && _entries.TryGetValue(sessionId, out var entry) ? entry.ExpiresUtc : null;

    public void Discard(string? sessionId)
    {
        if (sessionId is not null && _entries.TryRemove(sessionId, out var entry))
        {
            entry.Ring.Dispose();
        }
    }

    /// <summary>Every unlock of one member, for example at sign-out.</summary>
    public void DiscardUser(string? userId)
    {
        foreach (var (id, entry) in _entries)
        {
            if (entry.UserId == userId)
            {
                Discard(id);
            }
        }
    }

    /// <summary>Every unlock, for example after a key rotation: everyone unlocks again with the new passphrase.</summary>
    public void DiscardAll()
    {
        foreach (var id in _entries.Keys)
        {
            Discard(id);
        }
    }

    public void Dispose()
    {
        _sweep.Dispose();
        DiscardAll();
    }

    private void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (id, entry) in _entries)
        {
            if (entry.ExpiresUtc <= now)
            {
                Discard(id);
            }
        }
    }

    private sealed record Entry(string UserId, string? SecurityStamp, UnlockedKeyRing Ring, DateTimeOffset ExpiresUtc);
}
