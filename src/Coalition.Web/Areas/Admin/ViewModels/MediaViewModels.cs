using System.ComponentModel.DataAnnotations;
using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;

namespace Coalition.Web.Areas.Admin.ViewModels;

/// <summary>Alt text in each language, or "decorative".</summary>
public class MediaAltForm
{
    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Alt text (Russian)")]
    public string? AltRu { get; set; }

    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Alt text (Tajik)")]
    public string? AltTg { get; set; }

    [StringLength(300, ErrorMessage = "The {0} field must be at most {1} characters long.")]
    [Display(Name = "Alt text (English)")]
    public string? AltEn { get; set; }

    public bool Decorative { get; set; }

    public AltTexts ToAltTexts() => new(AltRu, AltTg, AltEn, Decorative);

    public string? Alt(string culture) => culture switch { "ru" => AltRu, "tg" => AltTg, _ => AltEn };
}

/// <summary>The upload form: the file and, for images, its alt text.</summary>
public sealed class MediaUploadForm : MediaAltForm
{
    public IFormFile? File { get; set; }
}

public sealed record MediaLimits(string ImageMegabytes, string DocumentMegabytes, string Megapixels);

public sealed record MediaIndexViewModel(
    PagedList<MediaItem> Items,
    string? Search,
    string? Type,
    MediaUploadForm Form,
    MediaLimits Limits,
    string? Error)
{
    public string Query(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["type"] = Type,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).Value ?? "";
}

public sealed record MediaDetailsViewModel(MediaItem Item, IReadOnlyList<MediaUse> Uses, MediaAltForm Alt)
{
    public string Url => MediaUrls.Of(Item);

    public bool IsImage => Item.Kind == MediaKind.Image;

    /// <summary>What to paste into a text in <paramref name="culture"/>: an image with its alt text, or a link with the file name.</summary>
    public string Snippet(string culture)
    {
        if (IsImage)
        {
            var alt = Item.IsDecorative ? "" : Item.AltFor(culture) ?? "";
            return $"![{Escape(alt)}]({Url})";
        }

        return $"[{Escape(Item.DisplayName)}]({Url})";
    }

    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}

public sealed record MediaDeleteViewModel(MediaItem Item, IReadOnlyList<MediaUse> Uses);
