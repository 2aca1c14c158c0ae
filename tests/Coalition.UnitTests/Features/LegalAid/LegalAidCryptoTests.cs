using System.Security.Cryptography;
using System.Text;
using Coalition.Web.Features.LegalAid;

namespace Coalition.UnitTests.Features.LegalAid;

public sealed class LegalAidCryptoTests
{
    private const int Iterations = 10_000;
    private static readonly byte[] Context = LegalAidCrypto.Context("request", Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"));

    [Fact]
    public void Seal_ThenOpenWithThePrivateKey_GivesThePlaintextBack_AndTheCiphertextHidesIt()
    {
        var (publicKey, privateKey) = LegalAidCrypto.CreateKeyPair();
        var plaintext = Encoding.UTF8.GetBytes("Мой брат задержан в Бохтаре — срочно");

        var sealedData = LegalAidCrypto.Seal(plaintext, publicKey, Context);

        Assert.Equal(-1, sealedData.Ciphertext.AsSpan().IndexOf(plaintext.AsSpan(0, 10)));
        using var key = Import(privateKey);
        Assert.Equal(plaintext, LegalAidCrypto.Open(sealedData, key, Context));
    }

    [Fact]
    public void Seal_Twice_UsesAFreshContentKeyAndEphemeralKeyEachTime()
    {
        var (publicKey, _) = LegalAidCrypto.CreateKeyPair();
        var one = LegalAidCrypto.Seal("same"u8, publicKey, Context);
        var two = LegalAidCrypto.Seal("same"u8, publicKey, Context);
        Assert.NotEqual(one.Ciphertext, two.Ciphertext);
        Assert.NotEqual(one.WrappedKey, two.WrappedKey);
    }

    [Fact]
    public void Open_WithAnotherKeyPair_AnotherRecordsContext_OrATamperedByte_Fails()
    {
        var (publicKey, privateKey) = LegalAidCrypto.CreateKeyPair();
        var (_, otherPrivate) = LegalAidCrypto.CreateKeyPair();
        var sealedData = LegalAidCrypto.Seal("secret"u8, publicKey, Context);
        using var key = Import(privateKey);
        using var other = Import(otherPrivate);

        Assert.ThrowsAny<CryptographicException>(() => LegalAidCrypto.Open(sealedData, other, Context));
        Assert.ThrowsAny<CryptographicException>(() => LegalAidCrypto.Open(sealedData, key, LegalAidCrypto.Context("request", Guid.NewGuid())));
        var tampered = sealedData.Ciphertext.ToArray();
        tampered[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => LegalAidCrypto.Open(sealedData with { Ciphertext = tampered }, key, Context));
    }

    [Fact]
    public void DecryptPrivateKey_WithTheRightPassphrase_Works_AndWithAWrongOne_GivesNull()
    {
        var (publicKey, privateKey) = LegalAidCrypto.CreateKeyPair();
        var salt = LegalAidCrypto.NewSalt();
        var encrypted = LegalAidCrypto.EncryptPrivateKey(privateKey, LegalAidCrypto.DerivePassphraseKey("four words make a phrase", salt, Iterations), publicKey);

        Assert.Equal(privateKey, LegalAidCrypto.DecryptPrivateKey(encrypted, LegalAidCrypto.DerivePassphraseKey("four words make a phrase", salt, Iterations), publicKey));
        Assert.Null(LegalAidCrypto.DecryptPrivateKey(encrypted, LegalAidCrypto.DerivePassphraseKey("four words make a phrasE", salt, Iterations), publicKey));
        Assert.Null(LegalAidCrypto.DecryptPrivateKey(encrypted, LegalAidCrypto.DerivePassphraseKey("four words make a phrase", LegalAidCrypto.NewSalt(), Iterations), publicKey));
        Assert.Equal(-1, encrypted.AsSpan().IndexOf(privateKey.AsSpan(privateKey.Length - 20)));
    }

    [Fact]
    public void DerivePassphraseKey_NormalisesUnicode_SoComposedAndDecomposedLettersMatch()
    {
        var salt = LegalAidCrypto.NewSalt();
        var composed = LegalAidCrypto.DerivePassphraseKey("ҷӯй ва ӣ", salt, Iterations);
        var decomposed = LegalAidCrypto.DerivePassphraseKey("ҷӯй ва ӣ".Normalize(NormalizationForm.FormD), salt, Iterations);
        Assert.Equal(composed, decomposed);
    }

    private static ECDiffieHellman Import(byte[] pkcs8)
    {
        var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }
}
