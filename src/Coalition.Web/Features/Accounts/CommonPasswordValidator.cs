using System.Collections.Frozen;
using Coalition.Data.Entities;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// Refuses passwords that attackers try first (NIST 800-63B 3.1.1.2): one of 49,233 common passwords
/// (<c>CommonPasswords.txt</c>, see its licence file), such a password with only digits or symbols after it,
/// a short pattern repeated, or the portal's name or the person's e-mail name. No composition rules.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<StaffUser>
{
    public const string CommonCode = "CommonPassword";
    public const string PersonalCode = "PersonalPassword";
    public const string CommonMessage = "This password is on a list of passwords that attackers try first. Choose a longer phrase of unrelated words.";
    public const string PersonalMessage = "The password must not contain the portal's name or your e-mail name.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    internal static int Count => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Fail(CommonCode, t[CommonMessage]);
        }

        return IsPersonal(password, user.Email)
            ? Fail(PersonalCode, t[PersonalMessage])
            : Task.FromResult(IdentityResult.Success);
    }

    internal static bool IsCommon(string password)
    {
        var p = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(p))
        {
            return true;
        }

        // "dragon2024!!" is "dragon" with a suffix that adds almost nothing.
        var stem = p.TrimEnd("0123456789!@#$%^&*()_-+=.,?;:~ ".ToCharArray());
        if (stem.Length >= 3 && stem.Length < p.Length && List.Value.Contains(stem))
        {
            return true;
        }

        // "abcabcabcabc", "passwordpassword": a short or common unit, repeated.
        for (var unit = 1; unit <= p.Length / 2; unit++)
        {
            if (p.Length % unit == 0 && string.Concat(Enumerable.Repeat(p[..unit], p.Length / unit)) == p)
            {
                return unit <= 4 || List.Value.Contains(p[..unit]);
            }
        }

        return false;
    }

    internal static bool IsPersonal(string password, string? email)
    {
        var p = password.ToLowerInvariant();
        if (p.Contains("coalition", StringComparison.Ordinal) || p.Contains("коалиция", StringComparison.Ordinal) || p.Contains("эътилоф", StringComparison.Ordinal))
        {
            return true;
        }

        var name = email?.Split('@')[0].ToLowerInvariant();
        return name is { Length: >= 4 } && p.Contains(name, StringComparison.Ordinal);
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Coalition.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded list CommonPasswords.txt is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
