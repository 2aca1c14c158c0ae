using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Coalition.Web.Features.Publishing;

/// <summary>
/// Readable ASCII slugs from Russian, Tajik and English titles. Tajik letters keep their own
/// Latin spelling (ҷ→j, ҳ→h, қ→q, ғ→gh, ӯ→u, ӣ→i), so a Tajik URL reads like Tajik.
/// </summary>
public static partial class SlugGenerator
{
    public const int MaxLength = 80;

    private static readonly Dictionary<char, string> Map = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
        // Tajik Cyrillic
        ['ғ'] = "gh", ['ӣ'] = "i", ['қ'] = "q", ['ӯ'] = "u", ['ҳ'] = "h", ['ҷ'] = "j",
        // Letters of neighbouring Cyrillic alphabets that turn up in names
        ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ў'] = "u", ['ң'] = "ng", ['ө'] = "o", ['ү'] = "u", ['ә'] = "a",
    };

    /// <summary>A slug for <paramref name="title"/>; "item" when nothing usable is left.</summary>
    public static string FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "item";
        }

        var sb = new StringBuilder(title.Length);
        foreach (var ch in title.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (Map.TryGetValue(ch, out var latin))
            {
                sb.Append(latin);
            }
            else if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(ch);
            }
            else if (char.IsLetter(ch))
            {
                // Latin letters with accents: keep the base letter.
                foreach (var c in ch.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (c is >= 'a' and <= 'z')
                    {
                        sb.Append(c);
                    }
                }
            }
            else
            {
                sb.Append('-');
            }
        }

        var slug = Dashes().Replace(sb.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            var cut = slug.LastIndexOf('-');
            slug = (cut > MaxLength / 2 ? slug[..cut] : slug).Trim('-');
        }

        return slug.Length == 0 ? "item" : slug;
    }

    /// <summary>Lowercase ASCII letters and digits in groups joined by single hyphens.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && ValidSlug().IsMatch(slug);

    public static string Normalize(string slug) => slug.Trim().ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("-{2,}")]
    private static partial Regex Dashes();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();
}
