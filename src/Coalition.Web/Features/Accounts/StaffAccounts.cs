using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Features.Accounts;

public enum AccountStatus
{
    Active,
    Invited,
    LockedOut,
    Disabled,
}

public enum AccountChange
{
    Done,
    NotFound,
    NotOnYourself,
    LastAdministrator,
}

public sealed record StaffAccountRow(
    string Id, string Email, string DisplayName, string Role, AccountStatus Status, bool TwoFactor, int RecoveryCodesLeft, DateTime CreatedUtc,
    bool ViewRegistrations = false);

/// <summary>
/// What an Administrator does to other accounts. Every change that takes away access also changes the security stamp,
/// so the person's open sessions end at their next check (within a minute). The last active Administrator cannot be
/// disabled or demoted, and nobody can disable or demote themselves.
/// </summary>
public sealed class StaffAccounts(CoalitionDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffAccountRow>> ListAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var codes = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == StaffUserStore.TokenProvider && t.Name == StaffUserStore.RecoveryCodeHashes)
            .ToDictionaryAsync(t => t.UserId, t => t.Value, ct);
        return people.Select(u => new StaffAccountRow(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Contains(Roles.Administrator) ? Roles.Administrator : Roles.Editor,
            Status(u),
            u.TwoFactorEnabled,
            codes.TryGetValue(u.Id, out var v) && !string.IsNullOrEmpty(v) ? v.Split(';').Length : 0,
            u.CreatedUtc,
            roles.Any(r => r.UserId == u.Id && r.Name == Roles.ViewRegistrations))).ToList();
    }

    public async Task<StaffAccountRow?> GetAsync(string id, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Id == id);

    public AccountStatus Status(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.DisabledUtc is not null)
        {
            return AccountStatus.Disabled;
        }

        if (Invitations.IsPending(user))
        {
            return AccountStatus.Invited;
        }

        return user.LockoutEnd is { } end && end > clock.GetUtcNow() ? AccountStatus.LockedOut : AccountStatus.Active;
    }

    public Task<AccountChange> ChangeRoleAsync(string id, string role, string? actorId) => ChangeAsync(id, async user =>
    {
        // Only the main role changes; permissions such as ViewRegistrations stay.
        var current = (await users.GetRolesAsync(user)).Where(r => Roles.All.Contains(r)).ToList();
        if (current.Count == 1 && current[0] == role)
        {
            return AccountChange.Done;
        }

        if (role != Roles.Administrator && current.Contains(Roles.Administrator))
        {
            if (user.Id == actorId)
            {
                return AccountChange.NotOnYourself;
            }

            if (await IsLastAdministratorAsync(user))
            {
                return AccountChange.LastAdministrator;
            }
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        if (!Invitations.IsPending(user))
        {
            // Ends the sessions, so a demotion takes effect within a minute; an invitation's link (bound to the stamp) stays valid.
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(AuditActions.RoleChange, nameof(StaffUser), user.Id, $"{string.Join(",", current)} → {role}");
        return AccountChange.Done;
    }, validRole: role);

    /// <summary>
    /// Grants or revokes a permission (<see cref="Roles.Permissions"/>). A revocation changes the security stamp, so
    /// the person's sessions end within a minute.
    /// </summary>
    public Task<AccountChange> SetPermissionAsync(string id, string permission, bool granted) => ChangeAsync(id, async user =>
    {
        if (!Roles.Permissions.Contains(permission))
        {
            return AccountChange.NotFound;
        }

        if (await users.IsInRoleAsync(user, permission) == granted)
        {
            return AccountChange.Done;
        }

        if (granted)
        {
            await users.AddToRoleAsync(user, permission);
        }
        else
        {
            await users.RemoveFromRoleAsync(user, permission);
        }

        if (!Invitations.IsPending(user))
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(AuditActions.PermissionChange, nameof(StaffUser), user.Id, $"{permission} {(granted ? "granted" : "revoked")}");
        return AccountChange.Done;
    });

    public Task<AccountChange> DisableAsync(string id, string? actorId) => ChangeAsync(id, async user =>
    {
        if (user.Id == actorId)
        {
            return AccountChange.NotOnYourself;
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator) && await IsLastAdministratorAsync(user))
        {
            return AccountChange.LastAdministrator;
        }

        user.DisabledUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.Disable, nameof(StaffUser), user.Id, user.Email);
        return AccountChange.Done;
    });

    public Task<AccountChange> EnableAsync(string id) => ChangeAsync(id, async user =>
    {
        user.DisabledUtc = null;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditActions.Enable, nameof(StaffUser), user.Id, user.Email);
        return AccountChange.Done;
    });

    /// <summary>Ends every session of the account within a minute (the security-stamp check); for oneself too.</summary>
    public Task<AccountChange> SignOutEverywhereAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.SessionsRevoke, nameof(StaffUser), user.Id, user.Email);
        return AccountChange.Done;
    });

    public Task<AccountChange> UnlockAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.Unlock, nameof(StaffUser), user.Id, user.Email);
        return AccountChange.Done;
    });

    public async Task<StaffUser?> FindAsync(string id) => await users.FindByIdAsync(id);

    private async Task<bool> IsLastAdministratorAsync(StaffUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !admins.Any(a => a.Id != user.Id && a.DisabledUtc is null && !Invitations.IsPending(a));
    }

    private async Task<AccountChange> ChangeAsync(string id, Func<StaffUser, Task<AccountChange>> change, string? validRole = null)
    {
        if (validRole is not null && !Roles.All.Contains(validRole))
        {
            return AccountChange.NotFound;
        }

        var user = await users.FindByIdAsync(id);
        return user is null ? AccountChange.NotFound : await change(user);
    }
}
