using System.Globalization;
using System.Text;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Coalition.Web.Features.Accounts;

/// <summary>What a staff member needs to add the account to an authenticator app.</summary>
/// <param name="Key">The shared secret, in groups of four for typing by hand.</param>
/// <param name="QrCodeDataUri">A PNG made on this server, as a data: URI: the secret never goes to another site.</param>
/// <param name="QrCodeSize">Width and height of the PNG in pixels.</param>
public sealed record AuthenticatorSetup(string Key, string QrCodeDataUri, int QrCodeSize);

/// <summary>Enrolment in two-factor sign-in with an authenticator app, and the recovery codes that back it up.</summary>
public sealed class TwoFactorEnrolment(UserManager<StaffUser> users, IUserStore<StaffUser> store, AuditLog audit, IOptions<SecurityOptions> security)
{
    public const string Issuer = "Coalition portal";

    public async Task<AuthenticatorSetup> GetSetupAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, not yet switched on, protects nothing: it is stored without changing the security stamp.
            // (UserManager.ResetAuthenticatorKeyAsync would change it, and this very session would end a minute later.)
            await ((IUserAuthenticatorKeyStore<StaffUser>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key could not be stored: " + string.Join(" ", saved.Errors.Select(e => e.Code)));
            }

            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var qr = new PngByteQRCode(data);
        const int pixelsPerModule = 5;
        var png = qr.GetGraphic(pixelsPerModule, drawQuietZones: true);
        return new AuthenticatorSetup(Group(key), "data:image/png;base64," + Convert.ToBase64String(png), data.ModuleMatrix.Count * pixelsPerModule);
    }

    /// <summary>Turns two-factor sign-in on if the code is right; returns the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(StaffUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await NewRecoveryCodesAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorEnable, nameof(StaffUser), user.Id);
        return codes;
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(StaffUser user)
    {
        var codes = await NewRecoveryCodesAsync(user);
        await audit.RecordAsync(AuditActions.RecoveryCodesRegenerate, nameof(StaffUser), user.Id);
        return codes;
    }

    public Task<int> RecoveryCodesLeftAsync(StaffUser user) => users.CountRecoveryCodesAsync(user);

    public async Task<bool> IsRequiredAsync(StaffUser user) =>
        StaffClaims.TwoFactorRequired(
            await users.IsInRoleAsync(user, Roles.Administrator) || await users.IsInRoleAsync(user, Roles.LegalAid), security.Value);

    /// <summary>Forgets the authenticator and the recovery codes (after a new phone, or when it is not required); ends every session.</summary>
    public async Task ResetAsync(StaffUser user, string auditAction)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(auditAction, nameof(StaffUser), user.Id);
    }

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(StaffUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, StaffUserManager.RecoveryCodeCount))?.ToList() ?? [];

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
