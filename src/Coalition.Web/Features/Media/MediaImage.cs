using System.Globalization;
using Coalition.Data.Entities;

namespace Coalition.Web.Features.Media;

/// <summary>Public addresses of stored files. A key is never reused, so every URL names one immutable file.</summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    public static string Variant(string key, int width, string extension) => Prefix + StoredNames.ImageVariant(key, width, extension);

    public static string Document(string key, string extension) => Prefix + StoredNames.Document(key, extension);

    /// <summary>The address an editor links to or embeds: the 960 px JPEG (or the largest below it) for images, the file for documents.</summary>
    public static string Of(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind == MediaKind.Image)
        {
            var widths = MediaImage.ParseWidths(item.VariantWidths);
            return Variant(item.StorageKey, widths.LastOrDefault(w => w <= 960, widths[0]), "jpg");
        }

        return Document(item.StorageKey, MediaFormats.FromName(item.Format)?.StoredExtension ?? item.Format);
    }
}

/// <summary>An image as a public page renders it: its variants, its intrinsic size and its alt text in the page's language.</summary>
public sealed record MediaImage(string Key, IReadOnlyList<int> Widths, int Width, int Height, string Alt)
{
    public string Url(int width, string extension) => MediaUrls.Variant(Key, width, extension);

    public string SrcSet(string extension) =>
        string.Join(", ", Widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Url(w, extension)} {w}w")));

    /// <summary>The <c>src</c> of the <c>img</c>: the JPEG closest to 960 px, for browsers without srcset or WebP.</summary>
    public string FallbackUrl => Url(Widths.LastOrDefault(w => w <= 960, Widths[0]), "jpg");

    /// <summary>
    /// The image for a page in <paramref name="culture"/>, or null when it must not be shown: not an image, or no alt
    /// text in that language and not marked decorative. A public page never prints an image without alt text.
    /// </summary>
    public static MediaImage? For(MediaItem? item, string culture)
    {
        if (item is not { Kind: MediaKind.Image, Width: { } width, Height: { } height })
        {
            return null;
        }

        var alt = item.IsDecorative ? "" : item.AltFor(culture);
        var widths = ParseWidths(item.VariantWidths);
        return alt is null || widths.Count == 0 ? null : new MediaImage(item.StorageKey, widths, width, height, alt.Trim());
    }

    public static IReadOnlyList<int> ParseWidths(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            .Order()
            .ToList();
}
