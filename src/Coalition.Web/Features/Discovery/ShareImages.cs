using Coalition.Web.Features.Media;

namespace Coalition.Web.Features.Discovery;

/// <summary>The variant of an image that link previews (OpenGraph, Twitter) and feeds use: 1200 px wide, or the nearest stored width.</summary>
public static class ShareImages
{
    public const int PreferredWidth = 1200;

    public static int Width(MediaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        // Nearest to 1200; on a tie the larger one (a sharper preview).
        return image.Widths.OrderBy(w => Math.Abs(w - PreferredWidth)).ThenByDescending(w => w).First();
    }

    public static int Height(MediaImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Width == 0 ? 0 : (int)Math.Round(image.Height * (double)Width(image) / image.Width);
    }

    /// <summary>Site-relative address of the JPEG variant (JPEG: every link-preview crawler reads it).</summary>
    public static string Url(MediaImage image) => image.Url(Width(image), "jpg");
}
