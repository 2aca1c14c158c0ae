using Coalition.Data.Entities;
using Coalition.Web.Features.Media;
using SkiaSharp;

namespace Coalition.Web.Features.Demo;

/// <summary>
/// Cover images that the project draws itself at seeding time: abstract shapes in the coalition's colours, no text,
/// no people, no stock photos. Each goes through the same upload pipeline as an editor's file, with alt text in each language.
/// </summary>
public sealed class DemoCovers(MediaLibrary library)
{
    public const int Width = 1600;
    public const int Height = 900;

    private static readonly (SKColor Background, SKColor First, SKColor Second, string En, string Ru, string Tg)[] Palettes =
    [
        (new SKColor(0x1F, 0x3A, 0x5F), new SKColor(0xE8, 0xB9, 0x3C), new SKColor(0x7F, 0xA7, 0xD9),
            "deep blue and gold", "тёмно-синего и золотого цвета", "бо рангҳои кабуди тира ва тиллоӣ"),
        (new SKColor(0x12, 0x5E, 0x5E), new SKColor(0xF0, 0x7F, 0x5F), new SKColor(0xF4, 0xE3, 0xC9),
            "teal and coral", "бирюзового и кораллового цвета", "бо рангҳои фирӯзаӣ ва марҷонӣ"),
        (new SKColor(0x4A, 0x5A, 0x2F), new SKColor(0xF3, 0xE9, 0xD2), new SKColor(0xC9, 0x8B, 0x3B),
            "olive green and cream", "оливкового и кремового цвета", "бо рангҳои зайтунӣ ва қаймоқӣ"),
    ];

    private static readonly (string En, string Ru, string Tg)[] Designs =
    [
        ("overlapping circles", "пересекающиеся круги", "доираҳои ба ҳам буридашуда"),
        ("diagonal bands", "диагональные полосы", "рахҳои диагоналӣ"),
        ("concentric arcs like a rising sun", "концентрические дуги, похожие на восходящее солнце", "камонҳои ҳамарказ, ки ба офтоби тулӯъкунанда монанданд"),
        ("a grid of tilted squares", "сетка из повёрнутых квадратов", "тӯре аз квадратҳои каҷшуда"),
    ];

    /// <summary>Draws cover number <paramref name="index"/> and adds it to the media library.</summary>
    public async Task<MediaItem?> CreateAsync(int index, CancellationToken ct = default)
    {
        var palette = Palettes[index % Palettes.Length];
        var design = Designs[index % Designs.Length];
        using var png = new MemoryStream(Draw(index));
        var alt = new AltTexts(
            $"Абстрактная иллюстрация: {design.Ru} {palette.Ru}.",
            $"Тасвири абстрактӣ: {design.Tg} {palette.Tg}.",
            $"Abstract illustration: {design.En} in {palette.En}.",
            Decorative: false);
        var outcome = await library.UploadAsync(new MediaUpload(png, png.Length, $"demo-cover-{index + 1:00}.png", alt, null), ct);
        return outcome.Item;
    }

    /// <summary>The PNG of cover number <paramref name="index"/>; the same picture every time.</summary>
    public static byte[] Draw(int index)
    {
        var palette = Palettes[index % Palettes.Length];
#pragma warning disable CA5394 // Not security: a fixed seed makes each demo picture reproducible.
        var random = new Random(1000 + index);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(palette.Background);
            SKColor Tint(SKColor c, byte alpha) => c.WithAlpha(alpha);
            switch (index % Designs.Length)
            {
                case 0:
                    for (var i = 0; i < 9; i++)
                    {
                        paint.Color = Tint(i % 2 == 0 ? palette.First : palette.Second, (byte)random.Next(110, 200));
                        canvas.DrawCircle(random.Next(0, Width), random.Next(0, Height), random.Next(120, 380), paint);
                    }

                    break;
                case 1:
                    paint.StrokeWidth = 90;
                    paint.Style = SKPaintStyle.Stroke;
                    for (var x = -Height; x < Width + Height; x += 180)
                    {
                        paint.Color = Tint((x / 180) % 2 == 0 ? palette.First : palette.Second, (byte)random.Next(120, 230));
                        canvas.DrawLine(x, Height, x + Height, 0, paint);
                    }

                    break;
                case 2:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 46;
                    for (var r = 760; r > 60; r -= 80)
                    {
                        paint.Color = Tint(r % 160 == 0 ? palette.First : palette.Second, 220);
                        canvas.DrawCircle(Width / 2f, Height + 120, r, paint);
                    }

                    break;
                default:
                    paint.Style = SKPaintStyle.Fill;
                    for (var y = 60; y < Height; y += 190)
                    {
                        for (var x = 60; x < Width; x += 190)
                        {
                            canvas.Save();
                            canvas.Translate(x, y);
                            canvas.RotateDegrees(random.Next(-25, 25));
                            paint.Color = Tint(random.Next(2) == 0 ? palette.First : palette.Second, (byte)random.Next(90, 230));
                            canvas.DrawRect(-60, -60, 120, 120, paint);
                            canvas.Restore();
                        }
                    }

                    break;
            }
        }
#pragma warning restore CA5394

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
