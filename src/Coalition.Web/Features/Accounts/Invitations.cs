using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

public enum InviteOutcome
{
    Sent,
    AlreadyExists,
    CreatedButNotSent,
}

/// <summary>
/// Staff accounts begin as invitations: an account without a password, and a single-use link that expires
/// (<see cref="SecurityOptions.InvitationLifetimeHours"/>). Accepting sets the password, which changes the security
/// stamp and so spends the link.
/// </summary>
public sealed partial class Invitations(
    UserManager<StaffUser> users,
    AuditLog audit,
    AccountEmails emails,
    AccountLinks links,
    IMailSender mail,
    IOptions<SecurityOptions> security,
    TimeProvider clock,
    ILogger<Invitations> logger)
{
    public async Task<(InviteOutcome Outcome, string? UserId)> InviteAsync(string email, string displayName, string role, string language)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (InviteOutcome.AlreadyExists, null);
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (InviteOutcome.AlreadyExists, null);
        }

        await users.AddToRoleAsync(user, Roles.All.Contains(role) ? role : Roles.Editor);
        await audit.RecordAsync(AuditActions.Invite, nameof(StaffUser), user.Id, $"{email} as {role}");
        return (await SendAsync(user, language) ? InviteOutcome.Sent : InviteOutcome.CreatedButNotSent, user.Id);
    }

    /// <summary>A new link for an invitation not yet accepted; earlier links stop working.</summary>
    public async Task<bool?> ResendAsync(string userId, string language)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !IsPending(user))
        {
            return null;
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.InvitationResend, nameof(StaffUser), user.Id, user.Email);
        return await SendAsync(user, language);
    }

    /// <summary>The invited account, if the link is valid, unexpired, unused and the account not disabled.</summary>
    public async Task<StaffUser?> FindAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        return IsPending(user) && user.DisabledUtc is null
            && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
            ? user
            : null;
    }

    /// <summary>Sets the password; null when the link is not valid.</summary>
    public async Task<IdentityResult?> AcceptAsync(string? userId, string? token, string password)
    {
        if (await FindAsync(userId, token) is not { } user)
        {
            return null;
        }

        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditActions.InvitationAccept, nameof(StaffUser), user.Id, actor: new StaffActor(user.Id, user.Email));
        return result;
    }

    public static bool IsPending(StaffUser user) => user?.PasswordHash is null && !user!.EmailConfirmed;

    private async Task<bool> SendAsync(StaffUser user, string language)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Editor;
        var message = emails.Invitation(user, role, links.Invitation(user.Id, token), language, security.Value.InvitationLifetime);
        try
        {
            await mail.SendAsync(message);
            return true;
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException
            or MailKit.Security.AuthenticationException or UnauthorizedAccessException or TimeoutException)
        {
            LogNotSent(logger, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send an invitation e-mail")]
    private static partial void LogNotSent(ILogger logger, Exception exception);
}
