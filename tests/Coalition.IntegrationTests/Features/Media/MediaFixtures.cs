using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace Coalition.Tests.Media;

/// <summary>Test files built by the tests themselves: no binary fixtures in the repository.</summary>
public static class MediaFixtures
{
    public const string SecretName = "Ivan Petrovich Witness";
    public const double Latitude = 38.5598;
    public const double Longitude = 68.7870;

    /// <summary>A plain JPEG from SkiaSharp: left half red, right half blue, so orientation can be checked.</summary>
    public static byte[] Jpeg(int width = 800, int height = 600)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            paint.Color = SKColors.Red;
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            paint.Color = SKColors.Blue;
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    public static byte[] Png(int width = 640, int height = 480)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>
    /// A SkiaSharp JPEG with an APP1 Exif segment inserted after SOI: Make, Model, Artist, Orientation, and a GPS IFD
    /// with latitude and longitude, as a phone writes them.
    /// </summary>
    public static byte[] JpegWithGpsExif(int width = 800, int height = 600, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var tiff = ExifTiff(orientation);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    /// <summary>A JPEG with an HTML page with script appended after its end: a JPEG/HTML polyglot.</summary>
    public static byte[] PolyglotJpegHtml() =>
        [.. Jpeg(320, 240), .. "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray()];

    /// <summary>A valid PNG whose header claims <paramref name="width"/> × <paramref name="height"/>, with a correct CRC.</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var png = Png(16, 16);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>A DOCX whose core and app properties name a person and an organisation.</summary>
    public static byte[] DocxWithAuthor(string text = "Witness statement, anonymised.")
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            doc.PackageProperties.Creator = SecretName;
            doc.PackageProperties.LastModifiedBy = SecretName;
            doc.PackageProperties.Title = "Interview";
            var app = doc.AddExtendedFilePropertiesPart();
            app.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                new DocumentFormat.OpenXml.ExtendedProperties.Company("Secret Shelter Ltd"),
                new DocumentFormat.OpenXml.ExtendedProperties.Manager(SecretName));
        }

        return stream.ToArray();
    }

    /// <summary>A DOCX plus one entry of <paramref name="zeros"/> zero bytes: tiny packed, huge unpacked.</summary>
    public static byte[] ZipBombDocx(int zeros)
    {
        var docx = DocxWithAuthor();
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/media/filler.bin", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var chunk = new byte[1 << 20];
            for (var written = 0; written < zeros; written += chunk.Length)
            {
                s.Write(chunk, 0, Math.Min(chunk.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A ZIP whose entries are named by <paramref name="names"/>, each holding a few bytes.</summary>
    public static byte[] Zip(params string[] names)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write("hello"u8);
            }
        }

        return stream.ToArray();
    }

    public static byte[] PdfWithAuthor()
    {
        using var doc = new PdfDocument();
        doc.Info.Author = SecretName;
        doc.Info.Title = "Interview";
        doc.Info.Subject = "Secret Shelter Ltd";
        doc.AddPage();
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>The start of a Windows program: "MZ", a DOS stub and a "PE" header.</summary>
    public static byte[] PeExecutable()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(0x4E));
        return bytes;
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>""");

    /// <summary>
    /// True when the bytes carry metadata: an Exif header, a JPEG APP1 (EXIF/XMP) or APP13 (IPTC) segment, a WebP
    /// EXIF or XMP chunk, or any identifying string of <see cref="JpegWithGpsExif"/> (camera, artist).
    /// </summary>
    public static bool HasMetadata(byte[] file)
    {
        var latin = Encoding.Latin1.GetString(file);
        if (latin.Contains("Exif\0\0", StringComparison.Ordinal)
            || latin.Contains("TestCam", StringComparison.Ordinal)
            || latin.Contains(SecretName, StringComparison.Ordinal)
            || latin.Contains("http://ns.adobe.com", StringComparison.Ordinal))
        {
            return true;
        }

        if (file.AsSpan().StartsWith("RIFF"u8))
        {
            for (var p = 12; p + 8 <= file.Length; p += 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(p + 4)) + (file[p + 4] & 1))
            {
                var chunk = latin.Substring(p, 4);
                if (chunk is "EXIF" or "XMP ")
                {
                    return true;
                }
            }

            return false;
        }

        return JpegSegments(file).Any(m => m is 0xE1 or 0xED);
    }

    /// <summary>The markers of a JPEG's header segments, up to the start of the image data.</summary>
    public static IReadOnlyList<int> JpegSegments(byte[] jpeg)
    {
        var markers = new List<int>();
        for (var p = 2; p + 4 <= jpeg.Length && jpeg[p] == 0xFF;)
        {
            var marker = jpeg[p + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            p += 2 + ((jpeg[p + 2] << 8) | jpeg[p + 3]);
        }

        return markers;
    }

    public static bool Contains(byte[] file, string text) =>
        Encoding.Latin1.GetString(file).Contains(text, StringComparison.Ordinal)
        || Encoding.UTF8.GetString(file).Contains(text, StringComparison.Ordinal);

    /// <summary>Every entry of a ZIP container, unpacked, as text.</summary>
    public static string ZipText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        var sb = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            sb.Append(reader.ReadToEnd());
        }

        return sb.ToString();
    }

    private static byte[] ExifTiff(ushort orientation)
    {
        // Little-endian TIFF: header, IFD0 (Make, Model, Orientation, Artist, GPS pointer), GPS IFD, then the values.
        var b = new List<byte>();
        void U16(int v) { b.Add((byte)v); b.Add((byte)(v >> 8)); }
        void U32(long v) { U16((int)(v & 0xFFFF)); U16((int)(v >> 16)); }
        void Entry(int tag, int type, int count, long value) { U16(tag); U16(type); U32(count); U32(value); }

        var make = "TestCam\0"u8.ToArray();
        var model = "TestCam Phone 9\0"u8.ToArray();
        var artist = Encoding.ASCII.GetBytes(SecretName + "\0");
        const int ifd0Entries = 5;
        const int ifd0 = 8;
        var gpsIfd = ifd0 + 2 + (ifd0Entries * 12) + 4;
        const int gpsEntries = 4;
        var data = gpsIfd + 2 + (gpsEntries * 12) + 4;
        var makeAt = data;
        var modelAt = makeAt + make.Length;
        var artistAt = modelAt + model.Length;
        var latAt = artistAt + artist.Length;
        var lonAt = latAt + 24;

        b.AddRange("II"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(ifd0Entries);
        Entry(0x010F, 2, make.Length, makeAt);
        Entry(0x0110, 2, model.Length, modelAt);
        Entry(0x0112, 3, 1, orientation);
        Entry(0x013B, 2, artist.Length, artistAt);
        Entry(0x8825, 4, 1, gpsIfd);
        U32(0);
        U16(gpsEntries);
        Entry(0x0001, 2, 2, 'N');
        Entry(0x0002, 5, 3, latAt);
        Entry(0x0003, 2, 2, 'E');
        Entry(0x0004, 5, 3, lonAt);
        U32(0);
        b.AddRange(make);
        b.AddRange(model);
        b.AddRange(artist);
        foreach (var value in new[] { Latitude, Longitude })
        {
            var degrees = (int)value;
            var minutes = (int)((value - degrees) * 60);
            var seconds = (int)((((value - degrees) * 60) - minutes) * 60 * 100);
            U32(degrees); U32(1); U32(minutes); U32(1); U32(seconds); U32(100);
        }

        return [.. b];
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var x in data)
        {
            crc ^= x;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
