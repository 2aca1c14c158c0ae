using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that accepts the current step and one on either side, and
/// each step at most once per account. Identity's own provider accepts the same code again, and codes up to about
/// 90 seconds old, for as long as they last (dotnet/aspnetcore#14423).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(CoalitionDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string ProviderName = "CoalitionAuthenticator";
    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The authenticator app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = new string((token ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit) || string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = CurrentStep(clock.GetUtcNow());
        var secret = Base32.Decode(key);
        long? matched = null;
        for (var offset = -1; offset <= 1; offset++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step + offset)), Encoding.ASCII.GetBytes(code)))
            {
                matched = step + offset;
            }
        }

        if (matched is not { } accepted)
        {
            return false;
        }

        // One atomic UPDATE claims the step, so two requests racing with the same code cannot both succeed.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorTimeStep, accepted));
        if (claimed == 1)
        {
            // The tracked entity too: Identity saves the whole user after a sign-in (failed-count reset), and an old
            // value written back would let the same code in again (issue 19, item 1). StaffUserStore never writes
            // this column either; this keeps the object in memory truthful.
            user.LastAuthenticatorTimeStep = accepted;
        }

        return claimed == 1;
    }

    internal static long CurrentStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The 6-digit code of one time-step (RFC 4226 dynamic truncation).</summary>
    internal static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1, which authenticator apps use; HMAC-SHA1 is not broken.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32, the encoding of authenticator keys.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is '=' or ' ' or '-')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
