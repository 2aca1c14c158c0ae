using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Coalition.UnitTests.Features.Localization;

/// <summary>
/// Every interface string used in a view or controller exists in the Russian, Tajik and English resource files,
/// and the three files hold the same keys: no page can show an untranslated string.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    private static readonly string WebRoot = Path.Combine(RepoRoot(), "src", "Coalition.Web");

    public static TheoryData<string> Languages => new() { "ru", "tg", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_ContainsEveryKeyUsedInCode(string language)
    {
        var keys = Keys(language);
        var missing = UsedKeys().Where(k => !keys.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"SharedResource.{language}.resx lacks:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_HasNoEmptyValues(string language)
    {
        var empty = Keys(language).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ResourceFile_NoTwoKeysDifferOnlyInCase(string language)
    {
        // The resource compiler keeps only the first of "Published" and "published": the other shows in English.
        var clashes = Keys(language).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, $"SharedResource.{language}.resx:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void ResourceFiles_HaveTheSameKeys()
    {
        var en = Keys("en").Keys.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(en.Order(StringComparer.Ordinal), Keys("ru").Keys.Order(StringComparer.Ordinal));
        Assert.Equal(en.Order(StringComparer.Ordinal), Keys("tg").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RussianAndTajik_AreActuallyTranslated()
    {
        // Text that is left identical to the English key was forgotten, except for proper names and codes.
        var allowedSame = new HashSet<string>(StringComparer.Ordinal) { };
        foreach (var language in new[] { "ru", "tg" })
        {
            var same = Keys(language).Where(kv => kv.Key == kv.Value && !allowedSame.Contains(kv.Key)).Select(kv => kv.Key).ToList();
            Assert.True(same.Count == 0, $"{language}: not translated:\n" + string.Join("\n", same));
        }
    }

    [Fact]
    public void Tajik_UsesTajikLetters()
    {
        var text = string.Concat(Keys("tg").Values);
        foreach (var letter in "ғӣқӯҳҷ")
        {
            Assert.Contains(letter, text);
        }
    }

    [Fact]
    public void UsedKeys_AreFound()
    {
        // Guards the scanner itself: if the patterns stopped matching, the coverage tests would pass vacuously.
        var used = UsedKeys();
        Assert.Contains("News", used);
        Assert.Contains("The {0} field is required.", used);
        Assert.True(used.Count > 100, $"only {used.Count} keys found");
    }

    private static Dictionary<string, string> Keys(string language)
    {
        var doc = XDocument.Load(Path.Combine(WebRoot, "Resources", $"SharedResource.{language}.resx"));
        return doc.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => (string?)d.Element("value") ?? "",
            StringComparer.Ordinal);
    }

    private static HashSet<string> UsedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}Options{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerCall(), ErrorMessage(), DisplayName(), MessageConstant() })
            {
                foreach (Match m in regex.Matches(text))
                {
                    keys.Add(Regex.Unescape(m.Groups[1].Value));
                }
            }
        }

        return keys;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coalition.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Coalition.sln not found above the test assembly.");
    }

    [GeneratedRegex("""(?:\bT|\bt|\bText)\["((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(""""ErrorMessage = "((?:[^"\\]|\\.)*)"""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(""""Display\(Name = "((?:[^"\\]|\\.)*)"""")]
    private static partial Regex DisplayName();

    [GeneratedRegex("""Message = "((?:[^"\\]|\\.)*)";""")]
    private static partial Regex MessageConstant();
}
