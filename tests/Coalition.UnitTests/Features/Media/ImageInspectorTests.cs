using Coalition.Tests.Media;
using Coalition.Web.Features.Media;

namespace Coalition.UnitTests.Features.Media;

public sealed class ImageInspectorTests
{
    [Fact]
    public void Read_PngClaimingHugeSize_ReportsTheClaimWithoutDecoding()
    {
        var header = ImageInspector.Read(new MemoryStream(MediaFixtures.PngClaiming(100_000, 100_000)), SniffedType.Png);

        Assert.Equal(100_000, header.Width);
        Assert.Equal(100_000, header.Height);
    }

    [Fact]
    public void Read_JpegWithGpsExif_FindsGpsCameraAndArtist()
    {
        var header = ImageInspector.Read(new MemoryStream(MediaFixtures.JpegWithGpsExif(320, 200)), SniffedType.Jpeg);

        Assert.Equal((320, 200), (header.Width, header.Height));
        Assert.Contains(MetadataFields.Exif, header.Metadata);
        Assert.Contains(MetadataFields.Gps, header.Metadata);
        Assert.Contains(MetadataFields.Camera, header.Metadata);
        Assert.Contains(MetadataFields.Artist, header.Metadata);
    }

    [Fact]
    public void Read_PlainJpeg_HasNoMetadata() =>
        Assert.Empty(ImageInspector.Read(new MemoryStream(MediaFixtures.Jpeg(64, 48)), SniffedType.Jpeg).Metadata);

    [Fact]
    public void Read_WebP_ReadsItsSize()
    {
        using var bitmap = new SkiaSharp.SKBitmap(123, 45);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        var webp = image.Encode(SkiaSharp.SKEncodedImageFormat.Webp, 80).ToArray();

        var header = ImageInspector.Read(new MemoryStream(webp), SniffedType.WebP);

        Assert.Equal((123, 45), (header.Width, header.Height));
    }

    [Fact]
    public void Read_HeaderCutOff_IsDamaged()
    {
        var cut = MediaFixtures.Png()[..20];

        var ex = Assert.Throws<MediaRejectedException>(() => ImageInspector.Read(new MemoryStream(cut), SniffedType.Png));

        Assert.Equal(MediaProblem.Damaged, ex.Rejection.Problem);
    }
}
