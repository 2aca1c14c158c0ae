using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Coalition.BrowserTests.Infrastructure;

/// <summary>
/// What an authenticator app does with the key the enrolment page shows (RFC 6238: HMAC-SHA1, 30-second steps,
/// 6 digits), written here independently of the portal's code so that the test checks the two agree.
/// The portal accepts each time-step once per account, and the current step and one on either side:
/// <see cref="NextCode"/> gives the code of the earliest step not used yet, so two sign-ins in one step need no waiting.
/// </summary>
public sealed class Authenticator
{
    private const int StepSeconds = 30;
    private readonly byte[] _secret;
    private long _lastStep = long.MinValue;

    /// <param name="key">The key as shown on the page: base32, in groups, any case.</param>
    public Authenticator(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _secret = Base32Decode(new string(key.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray()));
    }

    /// <summary>The code of the current time-step, or of the next one when the current one was used already.</summary>
    public string NextCode()
    {
        var step = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds, _lastStep + 1);
        _lastStep = step;
        return Code(step);
    }

    private string Code(long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1.
        var hash = HMACSHA1.HashData(_secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 digit.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
