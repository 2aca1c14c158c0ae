using Coalition.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Accounts;

/// <summary>Identity's messages that a staff member can see, in the interface language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), t["Something went wrong. Please try again."]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), t["Someone else changed this account at the same time. Reload the page and try again."]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), t["The current password is not correct."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), t["This link is not valid or has expired."]);

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), t["The recovery code is not valid."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), t["Enter a valid e-mail address."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), t["Enter a valid e-mail address."]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), t["The address {0} already has an account.", email]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), t["The address {0} already has an account.", userName]);

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), t["This invitation has already been accepted."]);

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), t["The person already has this role."]);

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), t["The password must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), t["The password must use at least {0} different characters.", uniqueChars]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
