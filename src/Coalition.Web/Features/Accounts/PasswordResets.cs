using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Mail;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// "Forgot password": a single-use link by e-mail, valid for <see cref="SecurityOptions.PasswordResetLifetimeMinutes"/>.
/// The request looks the same whether or not the address has an account: the same answer, and the message is sent
/// from a queue after the response, so the response time does not depend on it.
/// </summary>
public sealed class PasswordResets(
    UserManager<StaffUser> users,
    AuditLog audit,
    AccountEmails emails,
    AccountLinks links,
    MailQueue queue,
    IOptions<SecurityOptions> security)
{
    public async Task RequestAsync(string email, string language)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.DisabledUtc is not null || user.PasswordHash is null)
        {
            // Recorded all the same, without the address typed: the same database work either way.
            await audit.RecordAsync(AuditActions.PasswordResetRequest, summary: "no e-mail sent", actor: new StaffActor(null, null));
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        queue.Enqueue(emails.PasswordReset(user, links.PasswordReset(user.Id, token), language, security.Value.PasswordResetLifetime));
        await audit.RecordAsync(AuditActions.PasswordResetRequest, nameof(StaffUser), user.Id, actor: new StaffActor(user.Id, user.Email));
    }

    /// <summary>The account, if the link is valid, unexpired and unused.</summary>
    public async Task<StaffUser?> FindAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user
            || user.DisabledUtc is not null)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }

    /// <summary>Sets the new password and ends every session of the account; null when the link is not valid.</summary>
    public async Task<IdentityResult?> ResetAsync(string? userId, string? token, string password)
    {
        if (await FindAsync(userId, token) is not { } user)
        {
            return null;
        }

        var result = await users.ResetPasswordAsync(user, token!, password);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.PasswordReset, nameof(StaffUser), user.Id, actor: new StaffActor(user.Id, user.Email));
        }

        return result;
    }
}
