using Coalition.Web.Features.LegalAid;
using Coalition.Web.Options;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.LegalAid;

public sealed class LegalAidVaultTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 5, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Find_ForTheSameMemberAndStamp_WithinTheTime_GivesTheRing_AndAfterItNothing_AndTheKeysAreFreed()
    {
        using var vault = Vault(unlockMinutes: 30);
        var ring = Ring();
        var id = vault.Store("member", "stamp-1", ring);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Same(ring, vault.Find(id, "member", "stamp-1"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(vault.Find(id, "member", "stamp-1"));
        Assert.True(ring.IsDisposed);
        Assert.Equal(0, vault.Count);
    }

    [Fact]
    public void ExpiredEntries_AreSwept_WithoutBeingAskedFor()
    {
        using var vault = Vault(unlockMinutes: 5);
        var ring = Ring();
        vault.Store("member", "stamp", ring);
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, vault.Count);
        Assert.True(ring.IsDisposed);
    }

    [Fact]
    public void Find_WithAnotherMember_OrAChangedStamp_OrAGuessedId_GivesNothing()
    {
        using var vault = Vault(unlockMinutes: 30);
        var id = vault.Store("member", "stamp-1", Ring());
        Assert.Null(vault.Find("guessed", "member", "stamp-1"));
        Assert.Null(vault.Find(null, "member", "stamp-1"));
        Assert.Null(vault.Find(id, "someone-else", "stamp-1"));

        // A mismatch discards the entry: a copied cookie cannot be tried again later.
        Assert.Null(vault.Find(id, "member", "stamp-1"));

        var second = vault.Store("member", "stamp-1", Ring());
        Assert.Null(vault.Find(second, "member", "stamp-2"));
        Assert.Equal(0, vault.Count);
    }

    [Fact]
    public void DiscardUser_AndDiscardAll_FreeTheKeys()
    {
        using var vault = Vault(unlockMinutes: 30);
        var mine = Ring();
        var theirs = Ring();
        vault.Store("me", "s", mine);
        vault.Store("them", "s", theirs);

        vault.DiscardUser("me");
        Assert.True(mine.IsDisposed);
        Assert.False(theirs.IsDisposed);

        vault.DiscardAll();
        Assert.True(theirs.IsDisposed);
        Assert.Equal(0, vault.Count);
    }

    [Fact]
    public void Ring_ZeroesThePrivateKeyBytesItWasGiven_AndOpensNothingOnceDisposed()
    {
        var (publicKey, privateKey) = LegalAidCrypto.CreateKeyPair();
        var sealedData = LegalAidCrypto.Seal("text"u8, publicKey, [1]);
        var ring = new UnlockedKeyRing(new Dictionary<int, byte[]> { [7] = privateKey });

        Assert.All(privateKey, b => Assert.Equal(0, b));
        Assert.Equal("text"u8.ToArray(), ring.Open(7, sealedData, [1]));
        Assert.Null(ring.Open(8, sealedData, [1]));
        ring.Dispose();
        Assert.Null(ring.Open(7, sealedData, [1]));
    }

    private LegalAidVault Vault(int unlockMinutes) =>
        new(_clock, Microsoft.Extensions.Options.Options.Create(new LegalAidOptions { UnlockMinutes = unlockMinutes }));

    private static UnlockedKeyRing Ring() => new(new Dictionary<int, byte[]> { [1] = LegalAidCrypto.CreateKeyPair().PrivateKey });
}
