using Coalition.Data.Entities;
using Coalition.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Coalition.Web.Features.Accounts;

/// <summary>
/// A strength estimate (zxcvbn) beside the list of common passwords: "qwertyuiopasdf" is not on the list but is two
/// keyboard rows joined, which an attacker's rules try early. Scores below <see cref="MinimumScore"/> (of 0–4) are
/// refused with the reasons zxcvbn found, in the interface language. The person's e-mail and the portal's names
/// count as known words.
/// </summary>
public sealed class PasswordStrengthValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<StaffUser>
{
    public const string WeakCode = "WeakPassword";
    public const int MinimumScore = 3;
    public const string WeakMessage = "This password is too easy to guess: {0}. Add two or three more unrelated words.";
    public const string KeyboardReason = "it follows rows or patterns of the keyboard";
    public const string WordsReason = "it is made of common words or names";
    public const string RepeatReason = "it repeats characters or runs through a sequence such as abc or 123";
    public const string DateReason = "it contains a date or a year";
    public const string ShortReason = "it is short for the kind of characters it uses";

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        // A listed password is already refused, with its own message.
        if (string.IsNullOrEmpty(password) || CommonPasswordValidator.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var known = new List<string> { "coalition", "коалиция", "эътилоф", "tajikistan", "torture" };
        if (user.Email?.Split('@')[0] is { Length: > 0 } name)
        {
            known.Add(name);
        }

        var result = Zxcvbn.Zxcvbn.MatchPassword(password, known);
        if (result.Score >= MinimumScore)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var reasons = Reasons(result.MatchSequence.Select(m => m.Pattern), password).Select(r => t[r].Value);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = WeakCode,
            Description = t[WeakMessage, string.Join("; ", reasons)],
        }));
    }

    /// <summary>The message keys for the kinds of weakness zxcvbn matched, most telling first.</summary>
    internal static IReadOnlyList<string> Reasons(IEnumerable<string?> patterns, string password)
    {
        var set = patterns.OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reasons = new List<string>();
        // zxcvbn often matches "qwertyuiop" as a listed word rather than a keyboard walk: name the walk all the same.
        if (set.Contains("spatial") || HasKeyboardRun(password))
        {
            reasons.Add(KeyboardReason);
        }

        if (set.Contains("dictionary") && !HasKeyboardRun(password))
        {
            reasons.Add(WordsReason);
        }

        if (set.Contains("repeat") || set.Contains("sequence") || set.Contains("digits"))
        {
            reasons.Add(RepeatReason);
        }

        if (set.Contains("date") || set.Contains("year"))
        {
            reasons.Add(DateReason);
        }

        if (reasons.Count == 0)
        {
            reasons.Add(ShortReason);
        }

        return reasons;
    }

    /// <summary>Rows of the Latin and Russian/Tajik keyboards (and the digit row), forwards and backwards.</summary>
    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];

    /// <summary>Whether at least half the password is runs of four or more keys along a keyboard row.</summary>
    internal static bool HasKeyboardRun(string password)
    {
        var p = password.ToLowerInvariant();
        var covered = new bool[p.Length];
        foreach (var row in KeyboardRows.Concat(KeyboardRows.Select(r => new string(r.Reverse().ToArray()))))
        {
            for (var start = 0; start + 4 <= row.Length; start++)
            {
                var run = row.Substring(start, 4);
                for (var at = p.IndexOf(run, StringComparison.Ordinal); at >= 0; at = p.IndexOf(run, at + 1, StringComparison.Ordinal))
                {
                    for (var i = at; i < at + 4; i++)
                    {
                        covered[i] = true;
                    }
                }
            }
        }

        return covered.Count(c => c) * 2 >= p.Length;
    }
}
