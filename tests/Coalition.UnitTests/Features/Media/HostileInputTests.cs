using Coalition.Tests.Media;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;

namespace Coalition.UnitTests.Features.Media;

/// <summary>
/// Randomly damaged files (fixed seeds, so every run is the same): the parsers either answer or refuse the file as
/// <see cref="MediaRejectedException"/>; no other exception, which would be a server error, ever escapes.
/// </summary>
public sealed class HostileInputTests
{
    private const int Rounds = 300;

    [Fact]
    public void ImageInspector_DamagedHeaders_AreAnsweredOrRefused()
    {
        var originals = new (byte[] File, SniffedType Type)[]
        {
            (MediaFixtures.JpegWithGpsExif(64, 48), SniffedType.Jpeg),
            (MediaFixtures.Png(32, 32), SniffedType.Png),
            (Webp(), SniffedType.WebP),
        };
        var random = new Random(11);
        foreach (var (file, type) in originals)
        {
            for (var i = 0; i < Rounds; i++)
            {
                var damaged = Damage(file, random, headerBytes: 400);
                AnswerOrRefuse(() => ImageInspector.Read(new MemoryStream(damaged), type));
            }
        }
    }

    [Fact]
    public void ZipInspector_DamagedArchives_AreAnsweredOrRefused()
    {
        var original = MediaFixtures.DocxWithAuthor();
        var random = new Random(12);
        for (var i = 0; i < Rounds; i++)
        {
            var damaged = DamageTail(original, random);
            AnswerOrRefuse(() => ZipInspector.Inspect(new MemoryStream(damaged), 1000, 100L * 1024 * 1024));
        }
    }

    [Fact]
    public async Task ImageProcessor_DamagedJpegs_AreProcessedOrRefused()
    {
        var processor = new ImageProcessor(Microsoft.Extensions.Options.Options.Create(new MediaOptions()));
        var original = MediaFixtures.Jpeg(120, 80);
        var random = new Random(13);
        for (var i = 0; i < 60; i++)
        {
            var damaged = Damage(original, random, headerBytes: original.Length);
            try
            {
                await processor.ProcessAsync(new MemoryStream(damaged));
            }
            catch (MediaRejectedException)
            {
            }
        }
    }

    private static void AnswerOrRefuse(Action parse)
    {
        try
        {
            parse();
        }
        catch (MediaRejectedException)
        {
        }
    }

    /// <summary>A copy with a few bytes of the first <paramref name="headerBytes"/> overwritten, sometimes cut short.</summary>
    private static byte[] Damage(byte[] file, Random random, int headerBytes)
    {
        var copy = (byte[])file.Clone();
        var limit = Math.Min(headerBytes, copy.Length);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            copy[random.Next(2, limit)] = (byte)random.Next(256);
        }

        return random.Next(4) == 0 ? copy[..random.Next(1, copy.Length)] : copy;
    }

    /// <summary>A ZIP with bytes overwritten near its end, where the central directory is.</summary>
    private static byte[] DamageTail(byte[] file, Random random)
    {
        var copy = (byte[])file.Clone();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            copy[random.Next(Math.Max(0, copy.Length - 600), copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Webp()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 30);
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Webp, 80).ToArray();
    }
}
