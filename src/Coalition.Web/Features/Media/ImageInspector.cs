using System.Buffers.Binary;
using System.Text;

namespace Coalition.Web.Features.Media;

/// <summary>An image's size and the metadata it carries, read from its header without decoding any pixel.</summary>
public sealed record ImageHeader(int Width, int Height, IReadOnlyList<string> Metadata);

/// <summary>
/// Reads width and height from the PNG IHDR, the JPEG SOF segment or the WebP VP8/VP8L/VP8X header, so that a
/// decompression bomb (a small file claiming 100,000 × 100,000 pixels) is refused before a decoder allocates memory.
/// On the way it notes EXIF (with GPS, camera, serial number, artist), XMP, IPTC and text chunks, to tell the editor
/// what re-encoding removed.
/// </summary>
public static class ImageInspector
{
    private const int MaxSegments = 10_000;

    public static ImageHeader Read(Stream image, SniffedType type)
    {
        ArgumentNullException.ThrowIfNull(image);
        image.Position = 0;
        var metadata = new List<string>();
        try
        {
            var (width, height) = type switch
            {
                SniffedType.Jpeg => ReadJpeg(image, metadata),
                SniffedType.Png => ReadPng(image, metadata),
                SniffedType.WebP => ReadWebP(image, metadata),
                _ => throw new MediaRejectedException(MediaProblem.NotAllowedType),
            };
            if (width <= 0 || height <= 0)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            return new ImageHeader(width, height, metadata.Distinct().ToList());
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // Hostile headers: whatever does not parse is a damaged file, never a server error.
            throw new MediaRejectedException(MediaProblem.Damaged);
        }
        finally
        {
            image.Position = 0;
        }
    }

    private static (int, int) ReadJpeg(Stream s, List<string> metadata)
    {
        s.Position = 2;
        int width = 0, height = 0;
        for (var n = 0; n < MaxSegments; n++)
        {
            var b = s.ReadByte();
            if (b < 0)
            {
                break;
            }

            if (b != 0xFF)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            int marker;
            do
            {
                marker = s.ReadByte();
            }
            while (marker == 0xFF);

            if (marker < 0)
            {
                break;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                continue; // markers without a length
            }

            if (marker is 0xD9 or 0xDA)
            {
                break; // end of image, or start of the compressed data: all headers are behind us
            }

            var length = ReadUInt16BigEndian(s) - 2;
            if (length < 0)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            var start = s.Position;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                s.ReadByte(); // precision
                height = ReadUInt16BigEndian(s);
                width = ReadUInt16BigEndian(s);
            }
            else if (marker == 0xE1)
            {
                var data = ReadBytes(s, length);
                if (data.AsSpan().StartsWith("Exif\0\0"u8))
                {
                    ReadExif(data.AsSpan(6), metadata);
                }
                else if (data.AsSpan().StartsWith("http://ns.adobe.com/"u8))
                {
                    metadata.Add(MetadataFields.Xmp);
                }
            }
            else if (marker == 0xED)
            {
                metadata.Add(MetadataFields.Iptc);
            }
            else if (marker == 0xFE)
            {
                metadata.Add(MetadataFields.Comment);
            }

            s.Position = start + length;
        }

        return (width, height);
    }

    private static (int, int) ReadPng(Stream s, List<string> metadata)
    {
        s.Position = 8;
        var first = ReadBytes(s, 8);
        if (BinaryPrimitives.ReadUInt32BigEndian(first) != 13 || !first.AsSpan(4).SequenceEqual("IHDR"u8))
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        var ihdr = ReadBytes(s, 13);
        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(4));
        s.Position += 4; // CRC
        for (var n = 0; n < MaxSegments && s.Position + 8 <= s.Length; n++)
        {
            var head = ReadBytes(s, 8);
            var length = BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = Encoding.ASCII.GetString(head, 4, 4);
            if (type == "IEND" || length > int.MaxValue)
            {
                break;
            }

            var start = s.Position;
            switch (type)
            {
                case "eXIf":
                    metadata.Add(MetadataFields.Exif);
                    ReadExif(ReadBytes(s, (int)Math.Min(length, 65_536)), metadata);
                    break;
                case "iTXt":
                    var keyword = ReadBytes(s, (int)Math.Min(length, 17));
                    metadata.Add(keyword.AsSpan().SequenceEqual("XML:com.adobe.xmp"u8) ? MetadataFields.Xmp : MetadataFields.PngText);
                    break;
                case "tEXt" or "zTXt":
                    metadata.Add(MetadataFields.PngText);
                    break;
            }

            s.Position = start + length + 4;
        }

        return ((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
    }

    private static (int, int) ReadWebP(Stream s, List<string> metadata)
    {
        s.Position = 12;
        int width = 0, height = 0;
        for (var n = 0; n < MaxSegments && s.Position + 8 <= s.Length; n++)
        {
            var head = ReadBytes(s, 8);
            var type = Encoding.ASCII.GetString(head, 0, 4);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4));
            var start = s.Position;
            switch (type)
            {
                case "VP8X":
                    var x = ReadBytes(s, 10);
                    width = 1 + (x[4] | (x[5] << 8) | (x[6] << 16));
                    height = 1 + (x[7] | (x[8] << 8) | (x[9] << 16));
                    break;
                case "VP8 " when width == 0:
                    var v = ReadBytes(s, 10);
                    if (v[3] != 0x9D || v[4] != 0x01 || v[5] != 0x2A)
                    {
                        throw new MediaRejectedException(MediaProblem.Damaged);
                    }

                    width = BinaryPrimitives.ReadUInt16LittleEndian(v.AsSpan(6)) & 0x3FFF;
                    height = BinaryPrimitives.ReadUInt16LittleEndian(v.AsSpan(8)) & 0x3FFF;
                    break;
                case "VP8L" when width == 0:
                    var l = ReadBytes(s, 5);
                    if (l[0] != 0x2F)
                    {
                        throw new MediaRejectedException(MediaProblem.Damaged);
                    }

                    var bits = BinaryPrimitives.ReadUInt32LittleEndian(l.AsSpan(1));
                    width = 1 + (int)(bits & 0x3FFF);
                    height = 1 + (int)((bits >> 14) & 0x3FFF);
                    break;
                case "EXIF":
                    metadata.Add(MetadataFields.Exif);
                    var exif = ReadBytes(s, (int)Math.Min(length, 65_536));
                    ReadExif(exif.AsSpan().StartsWith("Exif\0\0"u8) ? exif.AsSpan(6) : exif, metadata);
                    break;
                case "XMP ":
                    metadata.Add(MetadataFields.Xmp);
                    break;
            }

            s.Position = start + length + (length & 1);
        }

        return (width, height);
    }

    /// <summary>Notes which identifying EXIF tags are present; a damaged EXIF block is simply EXIF.</summary>
    internal static void ReadExif(ReadOnlySpan<byte> tiff, List<string> metadata)
    {
        metadata.Add(MetadataFields.Exif);
        if (tiff.Length < 8)
        {
            return;
        }

        var little = tiff[0] == (byte)'I';
        var ifd0 = U32(tiff, 4, little);
        foreach (var (tag, value) in Entries(tiff, ifd0, little))
        {
            switch (tag)
            {
                case 0x010F or 0x0110:
                    metadata.Add(MetadataFields.Camera);
                    break;
                case 0x013B:
                    metadata.Add(MetadataFields.Artist);
                    break;
                case 0x8298:
                    metadata.Add(MetadataFields.Copyright);
                    break;
                case 0x8825:
                    metadata.Add(MetadataFields.Gps);
                    break;
                case 0x8769:
                    foreach (var (exifTag, _) in Entries(tiff, value, little))
                    {
                        if (exifTag is 0xA431 or 0xA430)
                        {
                            metadata.Add(MetadataFields.SerialNumber);
                        }
                        else if (exifTag == 0x9003)
                        {
                            metadata.Add(MetadataFields.DateTaken);
                        }
                    }

                    break;
            }
        }
    }

    private static List<(int Tag, uint Value)> Entries(ReadOnlySpan<byte> tiff, uint offset, bool little)
    {
        var list = new List<(int, uint)>();
        if ((long)offset + 2 > tiff.Length)
        {
            return list;
        }

        var count = U16(tiff, (int)offset, little);
        for (var i = 0; i < count && (long)offset + 2 + ((i + 1) * 12) <= tiff.Length; i++)
        {
            var at = (int)offset + 2 + (i * 12);
            list.Add((U16(tiff, at, little), U32(tiff, at + 8, little)));
        }

        return list;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    private static int ReadUInt16BigEndian(Stream s)
    {
        var hi = s.ReadByte();
        var lo = s.ReadByte();
        return hi < 0 || lo < 0 ? throw new EndOfStreamException() : (hi << 8) | lo;
    }

    private static byte[] ReadBytes(Stream s, int count)
    {
        var buffer = new byte[count];
        s.ReadExactly(buffer);
        return buffer;
    }
}
