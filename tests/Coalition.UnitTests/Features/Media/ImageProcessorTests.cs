using Coalition.Tests.Media;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;
using SkiaSharp;

namespace Coalition.UnitTests.Features.Media;

public sealed class ImageProcessorTests
{
    private readonly ImageProcessor _processor = new(Microsoft.Extensions.Options.Options.Create(new MediaOptions()));

    [Theory]
    [InlineData(3000, new[] { 480, 960, 1200, 1600 })]
    [InlineData(1400, new[] { 480, 960, 1200, 1400 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(960, new[] { 480, 960 })]
    [InlineData(300, new[] { 300 })]
    public void WidthsFor_NeverUpscales(int width, int[] expected) =>
        Assert.Equal(expected, ImageProcessor.WidthsFor(width));

    [Fact]
    public async Task Process_PortraitPhotoWithOrientation6_IsStoredUpright()
    {
        // 200 × 100 pixels, left red and right blue, tagged "rotate 90° clockwise to display".
        var photo = MediaFixtures.JpegWithGpsExif(200, 100, orientation: 6);

        var result = await _processor.ProcessAsync(new MemoryStream(photo));

        var variant = Assert.Single(result.Variants);
        Assert.Equal((100, 200), (variant.Width, variant.Height));
        using var decoded = SKBitmap.Decode(variant.Jpeg);
        Assert.Equal((100, 200), (decoded.Width, decoded.Height));
        Assert.True(decoded.GetPixel(50, 20).Red > 200, "top should be the red half");
        Assert.True(decoded.GetPixel(50, 180).Blue > 200, "bottom should be the blue half");
    }

    [Fact]
    public async Task Process_PhotoWithGps_OutputsCarryNoMetadata()
    {
        var result = await _processor.ProcessAsync(new MemoryStream(MediaFixtures.JpegWithGpsExif(2400, 1600)));

        Assert.Equal([480, 960, 1200, 1600], result.Variants.Select(v => v.Width));
        Assert.Equal((1600, 1067), (result.Width, result.Height));
        foreach (var variant in result.Variants)
        {
            Assert.False(MediaFixtures.HasMetadata(variant.Jpeg));
            Assert.False(MediaFixtures.HasMetadata(variant.WebP));
            Assert.Equal(SniffedType.Jpeg, FileSignature.Detect(variant.Jpeg));
            Assert.Equal(SniffedType.WebP, FileSignature.Detect(variant.WebP));
        }
    }

    [Fact]
    public async Task Process_TruncatedJpeg_IsRefusedNotHalfStored()
    {
        var cut = MediaFixtures.Truncated(MediaFixtures.Jpeg(1000, 800));

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => _processor.ProcessAsync(new MemoryStream(cut)));

        Assert.Equal(MediaProblem.Damaged, ex.Rejection.Problem);
    }

    [Fact]
    public async Task Process_Polyglot_KeepsOnlyPixels()
    {
        var result = await _processor.ProcessAsync(new MemoryStream(MediaFixtures.PolyglotJpegHtml()));

        Assert.All(result.Variants, v => Assert.False(MediaFixtures.Contains(v.Jpeg, "<script")));
    }
}
