using System.Globalization;
using System.Text;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Features.Media;

/// <summary>The uploader's file name is only ever a label: shown to editors and offered as the download name.</summary>
public static class FileNames
{
    public const int MaxLength = 150;

    /// <summary>
    /// The last path segment, NFC, without control characters, bidi overrides (which can make "gpj.exe" look like
    /// "exe.jpg") or zero-width characters, trimmed and at most 150 characters with its extension kept.
    /// </summary>
    public static string Sanitize(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (!char.IsControl(ch) && !IsInvisibleFormat(ch) && ch is not ('<' or '>' or '"' or ':' or '|' or '?' or '*'))
            {
                sb.Append(ch);
            }
        }

        name = sb.ToString().Trim().TrimStart('.').Trim();
        if (name.Length == 0)
        {
            return "file";
        }

        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            var stem = name[..^extension.Length];
            var keep = MaxLength - extension.Length;
            if (char.IsHighSurrogate(stem[keep - 1]))
            {
                keep--; // never cut a character in half
            }

            name = stem[..keep].TrimEnd() + extension;
        }

        return name;
    }

    /// <summary>An ASCII stand-in for old clients that ignore <c>filename*</c>: the name transliterated, for example "doklad-2021.pdf".</summary>
    public static string AsciiFallback(string displayName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(displayName ?? "");
        var slug = SlugGenerator.FromTitle(stem);
        return string.Create(CultureInfo.InvariantCulture, $"{(slug == "item" ? "file" : slug)}.{extension}");
    }

    /// <summary>
    /// The name with the extension the stored file really has, so that a download never claims another type:
    /// "report.PDF" stays, "photo" becomes "photo.pdf" for a PDF.
    /// </summary>
    public static string WithExtension(string displayName, string extension)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return string.Equals(Path.GetExtension(displayName).TrimStart('.'), extension, StringComparison.OrdinalIgnoreCase)
            ? displayName
            : $"{displayName}.{extension}";
    }

    private static bool IsInvisibleFormat(char ch) =>
        ch is '\u061C' or '\u200B' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF' or '\u00AD';
}
