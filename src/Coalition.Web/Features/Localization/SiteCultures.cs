using System.Globalization;

namespace Coalition.Web.Features.Localization;

/// <summary>The three languages of the portal: the URL code, the formatting culture behind it, and its own name.</summary>
public static class SiteCultures
{
    public const string Russian = "ru";
    public const string Tajik = "tg";
    public const string English = "en";

    /// <summary>Used when nothing else says which language a visitor wants.</summary>
    public const string Default = Russian;

    /// <summary>The cookie that remembers a visitor's explicit choice of language.</summary>
    public const string CookieName = "coalition.lang";

    public static readonly IReadOnlyList<string> All = [Russian, Tajik, English];

    private static readonly Dictionary<string, string> CultureNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Russian] = "ru-RU",
        [Tajik] = "tg-Cyrl-TJ",
        [English] = "en",
    };

    private static readonly Dictionary<string, string> NativeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Russian] = "Русский",
        [Tajik] = "Тоҷикӣ",
        [English] = "English",
    };

    public static bool IsSupported(string? code) => code is not null && CultureNames.ContainsKey(code);

    public static CultureInfo ToCultureInfo(string code) => CultureInfo.GetCultureInfo(CultureNames[code]);

    public static IEnumerable<CultureInfo> CultureInfos => All.Select(ToCultureInfo);

    public static string NativeName(string code) => NativeNames[code];

    /// <summary>The site code (ru, tg, en) of a .NET culture, walking up to its parents; the default when none matches.</summary>
    public static string FromCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (IsSupported(c.TwoLetterISOLanguageName))
            {
                return c.TwoLetterISOLanguageName;
            }
        }

        return Default;
    }

    /// <summary>The site code of the request's UI culture.</summary>
    public static string Current => FromCulture(CultureInfo.CurrentUICulture);
}
