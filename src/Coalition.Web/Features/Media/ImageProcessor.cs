using Coalition.Web.Options;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Coalition.Web.Features.Media;

/// <summary>One stored width of an image, encoded twice.</summary>
public sealed record ImageVariant(int Width, int Height, byte[] WebP, byte[] Jpeg);

public sealed record ProcessedImage(int Width, int Height, IReadOnlyList<ImageVariant> Variants);

/// <summary>
/// Decodes with SkiaSharp, turns the pixels upright by the EXIF orientation, and encodes fresh WebP and JPEG files in
/// the responsive widths. Nothing of the original file but its pixels survives: no EXIF, GPS, XMP, IPTC or comments,
/// and whatever bytes were hidden after the image data (a JPEG/HTML polyglot) are gone. Done once, at upload.
/// </summary>
public sealed class ImageProcessor(IOptions<MediaOptions> options)
{
    /// <summary>The stored widths; an image narrower than the largest is stored at its own width too, never upscaled.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1200, 1600];

    // Two cores: one large decode at a time keeps memory and response times predictable.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<ProcessedImage> ProcessAsync(Stream image, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        await Gate.WaitAsync(ct);
        try
        {
            image.Position = 0;
            return Process(image, options.Value);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The widths to store for an upright image <paramref name="width"/> pixels wide.</summary>
    public static IReadOnlyList<int> WidthsFor(int width) =>
        Widths.Where(w => w < width).Append(Math.Min(width, Widths[^1])).Distinct().Order().ToList();

    private static ProcessedImage Process(Stream image, MediaOptions settings)
    {
        using var codec = SKCodec.Create(image, out var created) ?? throw new MediaRejectedException(MediaProblem.Damaged);
        _ = created;
        var origin = codec.EncodedOrigin;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var uprightWidth = swap ? codec.Info.Height : codec.Info.Width;

        // JPEG can decode at n/8 of its size directly: a 24-megapixel photo never needs all its pixels for 1600 px.
        // The smallest scale that still gives the largest stored width; other formats answer with their full size.
        var wanted = Math.Min(uprightWidth, Widths[^1]);
        var size = codec.Info.Size;
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var candidate = codec.GetScaledDimensions(eighths / 8f);
            if ((swap ? candidate.Height : candidate.Width) >= wanted)
            {
                size = candidate;
                break;
            }
        }
        using var decoded = Decode(codec, size);
        using var upright = Orient(decoded, origin);

        var variants = new List<ImageVariant>();
        using var source = SKImage.FromBitmap(upright);
        foreach (var target in WidthsFor(upright.Width))
        {
            var height = Math.Max(1, (int)Math.Round(upright.Height * (double)target / upright.Width));
            variants.Add(Encode(source, target, height, settings));
        }

        var largest = variants[^1];
        return new ProcessedImage(largest.Width, largest.Height, variants);
    }

    private static SKBitmap Decode(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale && size != codec.Info.Size)
        {
            bitmap.Dispose();
            return Decode(codec, codec.Info.Size);
        }

        if (result != SKCodecResult.Success)
        {
            // IncompleteInput is a truncated file: refuse it rather than store a half-grey picture.
            bitmap.Dispose();
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        return bitmap;
    }

    /// <summary>Applies the EXIF orientation to the pixels, so that the stored image is upright without any tag.</summary>
    internal static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        int w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(new SKImageInfo(swap ? h : w, swap ? w : h, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // 180°
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored vertically
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop: // 90° clockwise: the usual portrait photo
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transverse
                canvas.Translate(h, w);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom: // 90° counter-clockwise
                canvas.Translate(0, w);
                canvas.RotateDegrees(-90);
                break;
        }

        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default);
        canvas.Flush();
        return result;
    }

    private static ImageVariant Encode(SKImage source, int width, int height, MediaOptions settings)
    {
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        var target = new SKRect(0, 0, width, height);

        using var rgba = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(rgba))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawImage(source, target, sampling);
        }

        // JPEG has no transparency: a transparent PNG gets a white background, as it would on the page.
        using var opaque = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgb888x, SKAlphaType.Opaque, SKColorSpace.CreateSrgb()));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(rgba, 0, 0, SKSamplingOptions.Default);
        }

        using var webp = rgba.Encode(SKEncodedImageFormat.Webp, settings.WebpQuality);
        using var jpeg = opaque.Encode(SKEncodedImageFormat.Jpeg, settings.JpegQuality);
        if (webp is null || jpeg is null)
        {
            throw new InvalidOperationException("SkiaSharp could not encode the image.");
        }

        return new ImageVariant(width, height, webp.ToArray(), jpeg.ToArray());
    }
}
