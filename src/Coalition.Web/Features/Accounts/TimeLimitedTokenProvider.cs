using System.Security.Cryptography;
using Coalition.Data.Entities;
using Coalition.Web.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// A link token protected with Data Protection: the time it was made, the account, the purpose and the account's
/// security stamp. Like Identity's DataProtectorTokenProvider, but it reads the time from <see cref="TimeProvider"/>
/// (so expiry is testable) and each kind has its own lifetime. Setting a password changes the security stamp, so a
/// token works once.
/// </summary>
public abstract class TimeLimitedTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    protected abstract string Name { get; }

    protected abstract TimeSpan Lifetime { get; }

    private IDataProtector Protector => protection.CreateProtector("Coalition.Accounts.LinkToken", Name);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose ?? "");
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return WebEncoders.Base64UrlEncode(Protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""))));
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var userId = reader.ReadString();
            var tokenPurpose = reader.ReadString();
            var stamp = reader.ReadString();
            var now = clock.GetUtcNow();
            return created <= now && now < created + Lifetime
                && userId == await manager.GetUserIdAsync(user)
                && tokenPurpose == purpose
                && stamp == (await manager.GetSecurityStampAsync(user) ?? "");
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Invitation links: <see cref="SecurityOptions.InvitationLifetimeHours"/>, 72 hours by default.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<SecurityOptions> options)
    : TimeLimitedTokenProvider(protection, clock)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "AcceptInvitation";

    protected override string Name => ProviderName;

    protected override TimeSpan Lifetime => options.Value.InvitationLifetime;
}

/// <summary>Password-reset links: <see cref="SecurityOptions.PasswordResetLifetimeMinutes"/>, one hour by default.</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<SecurityOptions> options)
    : TimeLimitedTokenProvider(protection, clock)
{
    public const string ProviderName = "PasswordReset";

    protected override string Name => ProviderName;

    protected override TimeSpan Lifetime => options.Value.PasswordResetLifetime;
}
