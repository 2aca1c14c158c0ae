using System.Text;
using Coalition.Web.Features.Accounts;

namespace Coalition.UnitTests.Features.Accounts;

public sealed class AuthenticatorCodeTests
{
    /// <summary>RFC 6238 appendix B (SHA-1 key "12345678901234567890"): the last 6 of the 8-digit values.</summary>
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Code_MatchesTheRfcTestVectors(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var step = SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(expected, SingleUseAuthenticatorTokenProvider.Code(secret, step));
    }

    [Fact]
    public void Base32_DecodesAuthenticatorKeys_IgnoringCaseAndSpaces()
    {
        // "GEZDGNBVGY3TQOJQ" is base32 for "1234567890".
        Assert.Equal("1234567890"u8.ToArray(), Base32.Decode("gezd gnbv gy3t qojq"));
        Assert.Throws<FormatException>(() => Base32.Decode("not base32!"));
    }

    [Fact]
    public void RecoveryCodeHash_IgnoresCaseSpacesAndHyphens_AndHidesTheCode()
    {
        var hash = StaffUserStore.HashCode("ABCD-EFGH-JKLM-NPQR");
        Assert.Equal(hash, StaffUserStore.HashCode("abcd efgh jklm npqr"));
        Assert.NotEqual(hash, StaffUserStore.HashCode("ABCD-EFGH-JKLM-NPQS"));
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCD", hash, StringComparison.OrdinalIgnoreCase);
    }
}
