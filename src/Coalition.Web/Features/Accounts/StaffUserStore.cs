using System.Security.Cryptography;
using System.Text;
using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// Identity's store keeps recovery codes in plain text in AspNetUserTokens; this one keeps only their SHA-256 hashes.
/// A fast hash is enough because each code carries 80 random bits (<see cref="StaffUserManager"/>), unlike a password.
/// </summary>
public sealed class StaffUserStore(CoalitionDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, CoalitionDbContext>(context, describer)
{
    internal const string TokenProvider = "[Coalition]";
    internal const string RecoveryCodeHashes = "RecoveryCodeHashes";
    private const string HashPrefix = "sha256:";

    /// <summary>
    /// Identity's update, except that <see cref="StaffUser.LastAuthenticatorTimeStep"/> is never written: only the
    /// authenticator's atomic claim moves it. Identity saves every column of the user it loaded at the start of a
    /// request, so a failed or successful sign-in that counted attempts wrote the step it had read back over a newer
    /// one, and a used code worked again.
    /// </summary>
    public override async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        Context.Attach(user);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        Context.Update(user);
        Context.Entry(user).Property(u => u.LastAuthenticatorTimeStep).IsModified = false;
        try
        {
            await Context.SaveChangesAsync(cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }

        return IdentityResult.Success;
    }

    public override Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCodes);
        return StoreHashesAsync(user, recoveryCodes.Select(HashCode), cancellationToken);
    }

    public override async Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        var hashes = await LoadHashesAsync(user, cancellationToken);
        var candidate = Encoding.ASCII.GetBytes(HashCode(code ?? ""));
        string? match = null;
        foreach (var hash in hashes)
        {
            // Compare every stored hash in constant time, so timing tells nothing about which one is close.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), candidate))
            {
                match = hash;
            }
        }

        if (match is null)
        {
            return false;
        }

        await StoreHashesAsync(user, hashes.Where(h => h != match), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        (await LoadHashesAsync(user, cancellationToken)).Count;

    /// <summary>Codes are compared without case, spaces or hyphens, as people type them.</summary>
    internal static string HashCode(string code)
    {
        var normalised = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return HashPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    private async Task<List<string>> LoadHashesAsync(StaffUser user, CancellationToken ct)
    {
        var stored = await GetTokenAsync(user, TokenProvider, RecoveryCodeHashes, ct) ?? "";
        return stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(h => h.StartsWith(HashPrefix, StringComparison.Ordinal)).ToList();
    }

    private Task StoreHashesAsync(StaffUser user, IEnumerable<string> hashes, CancellationToken ct) =>
        SetTokenAsync(user, TokenProvider, RecoveryCodeHashes, string.Join(';', hashes), ct);
}
