using Microsoft.AspNetCore.Mvc.Rendering;
using System.Globalization;
using Coalition.Web.Features.Media;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Coalition.Web.TagHelpers;

/// <summary>
/// <c>&lt;media-picture image="@Model.Cover" sizes="…" eager /&gt;</c>: a <c>picture</c> with WebP and JPEG srcsets,
/// width and height (no layout shift), alt text, and lazy loading unless <c>eager</c> (the image above the fold).
/// Renders nothing when there is no image that may be shown.
/// </summary>
[HtmlTargetElement("media-picture", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaPictureTagHelper : TagHelper
{
    public MediaImage? Image { get; set; }

    /// <summary>The <c>sizes</c> attribute: how wide the image is shown. Default: the full viewport width.</summary>
    public string Sizes { get; set; } = "100vw";

    /// <summary>Load at once with high priority: the cover at the top of an article. Default: lazy.</summary>
    public bool Eager { get; set; }

    /// <summary>A class for the <c>picture</c> element.</summary>
    [HtmlAttributeName("class")]
    public string? CssClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Image is not { } image)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "picture";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (!string.IsNullOrEmpty(CssClass))
        {
            output.Attributes.SetAttribute("class", CssClass);
        }

        var source = new TagBuilder("source") { TagRenderMode = TagRenderMode.SelfClosing };
        source.Attributes["type"] = "image/webp";
        source.Attributes["srcset"] = image.SrcSet("webp");
        source.Attributes["sizes"] = Sizes;

        var img = new TagBuilder("img") { TagRenderMode = TagRenderMode.SelfClosing };
        img.Attributes["src"] = image.FallbackUrl;
        img.Attributes["srcset"] = image.SrcSet("jpg");
        img.Attributes["sizes"] = Sizes;
        img.Attributes["width"] = image.Width.ToString(CultureInfo.InvariantCulture);
        img.Attributes["height"] = image.Height.ToString(CultureInfo.InvariantCulture);
        img.Attributes["alt"] = image.Alt;
        img.Attributes["decoding"] = "async";
        if (Eager)
        {
            img.Attributes["fetchpriority"] = "high";
        }
        else
        {
            img.Attributes["loading"] = "lazy";
        }

        output.Content.AppendHtml(source);
        output.Content.AppendHtml(img);
    }
}
