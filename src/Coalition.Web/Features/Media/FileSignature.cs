using System.Text;

namespace Coalition.Web.Features.Media;

/// <summary>What a file really is, judged by its first bytes (magic numbers), never by its name or the browser's Content-Type.</summary>
public enum SniffedType
{
    Unknown,
    Empty,
    Jpeg,
    Png,
    WebP,
    Gif,
    Pdf,
    Zip,
    Svg,
    Html,
    Xml,
    Executable,
}

public static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 1024;

    private static readonly string[] HtmlStarts =
    [
        "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<title", "<style", "<meta", "<a ", "<div", "<table", "<img", "<p>", "<!--", "<br", "<h1", "<font", "<b>",
    ];

    public static SniffedType Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return SniffedType.Empty;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffedType.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffedType.Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedType.WebP;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return SniffedType.Gif;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return SniffedType.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]))
        {
            return SniffedType.Zip;
        }

        if (IsExecutable(head))
        {
            return SniffedType.Executable;
        }

        return DetectMarkup(head);
    }

    /// <summary>Windows PE ("MZ"), ELF, Mach-O and scripts with a "#!" line, whatever the file is called.</summary>
    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])
        || head.StartsWith("#!"u8);

    /// <summary>SVG, HTML and XML, after a byte-order mark and white space, the way browsers sniff them.</summary>
    private static SniffedType DetectMarkup(ReadOnlySpan<byte> head)
    {
        string text;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(head[2..]);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        }
        else
        {
            text = Encoding.Latin1.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        }

        var lower = text.TrimStart(' ', '\t', '\r', '\n', '\f', '\0').ToLowerInvariant();
        if (lower.Contains("<svg", StringComparison.Ordinal))
        {
            return SniffedType.Svg;
        }

        foreach (var start in HtmlStarts)
        {
            if (lower.StartsWith(start, StringComparison.Ordinal))
            {
                return SniffedType.Html;
            }
        }

        if (lower.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return lower.Contains("<html", StringComparison.Ordinal) ? SniffedType.Html : SniffedType.Xml;
        }

        return SniffedType.Unknown;
    }
}
