using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Coalition.Web.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Coalition.UnitTests.Features.Media;

public sealed class MediaRenderingTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private static readonly MediaImage Image = new(Key, [480, 960, 1600], 1600, 900, "Two hands");

    [Fact]
    public void Markdown_LibraryImage_GetsSrcsetSizeAndLibraryAlt()
    {
        var images = new Dictionary<string, TextImage> { [Key] = new(Image, AltMissing: false) };

        var html = new MarkdownRenderer().ToSafeHtml($"![](/media/{Key}-960.jpg)", images);

        Assert.Contains("alt=\"Two hands\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"1600\"", html, StringComparison.Ordinal);
        Assert.Contains("height=\"900\"", html, StringComparison.Ordinal);
        Assert.Contains($"/media/{Key}-1600.jpg 1600w", html, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EditorsAlt_Wins()
    {
        var images = new Dictionary<string, TextImage> { [Key] = new(Image, AltMissing: false) };

        var html = new MarkdownRenderer().ToSafeHtml($"![Written by the editor](/media/{Key}-960.jpg)", images);

        Assert.Contains("alt=\"Written by the editor\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OutsideImage_LosesItsSource() =>
        Assert.DoesNotContain("evil.example", new MarkdownRenderer().ToSafeHtml("![x](https://evil.example/track.gif)"), StringComparison.Ordinal);

    [Fact]
    public void MediaImage_For_WithoutAltInThatLanguage_IsNotShown()
    {
        var item = new Coalition.Data.Entities.MediaItem
        {
            Kind = Coalition.Data.Entities.MediaKind.Image, StorageKey = Key, Width = 10, Height = 10, VariantWidths = "10", AltEn = "English only",
        };

        Assert.Null(MediaImage.For(item, "ru"));
        Assert.Equal("English only", MediaImage.For(item, "en")!.Alt);
        item.IsDecorative = true;
        Assert.Equal("", MediaImage.For(item, "ru")!.Alt);
    }

    [Fact]
    public void PictureTagHelper_WritesWebpSourceAndSizedJpegFallback()
    {
        var helper = new MediaPictureTagHelper { Image = Image, Sizes = "50vw" };
        var output = new TagHelperOutput("media-picture", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);

        var html = output.Content.GetContent();
        Assert.Equal("picture", output.TagName);
        Assert.Contains("type=\"image/webp\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/media/{Key}-960.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"1600\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"Two hands\"", html, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
    }
}
