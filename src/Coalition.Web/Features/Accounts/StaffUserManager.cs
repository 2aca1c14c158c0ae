using System.Security.Cryptography;
using Coalition.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>Identity's user manager with longer recovery codes: 16 characters, 80 random bits, as XXXX-XXXX-XXXX-XXXX.</summary>
public sealed class StaffUserManager(
    IUserStore<StaffUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<StaffUser> passwordHasher,
    IEnumerable<IUserValidator<StaffUser>> userValidators,
    IEnumerable<IPasswordValidator<StaffUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<StaffUser>> logger)
    : UserManager<StaffUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>32 letters and digits without look-alikes (no I, O, 0, 1): 5 bits each.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    protected override string CreateTwoFactorRecoveryCode()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, 16);
        return $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }
}
