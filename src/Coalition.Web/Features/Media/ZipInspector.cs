using System.Buffers.Binary;
using System.Text;

namespace Coalition.Web.Features.Media;

/// <summary>The table of contents of a ZIP (also DOCX and XLSX), read from its central directory.</summary>
public sealed record ZipContents(IReadOnlyList<string> Names, long UnpackedBytes);

/// <summary>
/// Checks a ZIP container without extracting anything: entry count and total unpacked size from the central
/// directory (ZIP64 included), unsafe entry names, encryption. .NET's ZipArchive never inflates an entry beyond the
/// size declared there, so these declared sizes also bound what the Open XML SDK later reads.
/// </summary>
public static class ZipInspector
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64EndOfCentralDirectory = 0x06064b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint CentralHeader = 0x02014b50;
    private const int EndRecordLength = 22;

    /// <summary>Throws <see cref="MediaRejectedException"/> when the archive is damaged, too large, encrypted or has unsafe names.</summary>
    public static ZipContents Inspect(Stream zip, int maxEntries, long maxUnpackedBytes)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanSeek || zip.Length < EndRecordLength)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        var (entryCount, directorySize, directoryOffset, endPosition) = ReadEnd(zip);
        if (entryCount > maxEntries)
        {
            throw new MediaRejectedException(MediaProblem.ArchiveTooManyEntries, entryCount, maxEntries);
        }

        if (entryCount == 0 || directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > endPosition)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        zip.Position = directoryOffset;
        using var reader = new BinaryReader(zip, Encoding.Latin1, leaveOpen: true);
        var names = new List<string>((int)entryCount);
        long unpacked = 0;
        var header = new byte[46];
        for (var i = 0; i < entryCount; i++)
        {
            ReadExactly(zip, header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralHeader)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42));

            var nameBytes = reader.ReadBytes(nameLength);
            var extra = reader.ReadBytes(extraLength);
            zip.Seek(commentLength, SeekOrigin.Current);
            if (nameBytes.Length != nameLength || extra.Length != extraLength)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            if ((flags & 1) != 0 || method == 99)
            {
                throw new MediaRejectedException(MediaProblem.Encrypted);
            }

            if (method is not (0 or 8 or 9))
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            if (size == uint.MaxValue || compressed == uint.MaxValue || localOffset == uint.MaxValue)
            {
                (size, compressed, localOffset) = ReadZip64Sizes(extra, size, compressed, localOffset);
            }

            var name = ((flags & 0x800) != 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(nameBytes);
            if (!IsSafeName(name))
            {
                throw new MediaRejectedException(MediaProblem.ArchiveUnsafeName);
            }

            if (size < 0 || compressed < 0 || localOffset < 0 || localOffset >= directoryOffset)
            {
                throw new MediaRejectedException(MediaProblem.Damaged);
            }

            unpacked += size;
            if (unpacked > maxUnpackedBytes)
            {
                throw new MediaRejectedException(MediaProblem.ArchiveTooLarge, MediaMessages.Megabytes(maxUnpackedBytes));
            }

            names.Add(name);
        }

        return new ZipContents(names, unpacked);
    }

    /// <summary>No absolute paths, drive letters, ".." segments or NUL: an archive must not name a place outside itself.</summary>
    public static bool IsSafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] is '/' or '\\' || name.Contains('\0', StringComparison.Ordinal)
            || (name.Length >= 2 && name[1] == ':'))
        {
            return false;
        }

        return !name.Split('/', '\\').Any(segment => segment == "..");
    }

    private static (long Entries, long Size, long Offset, long EndPosition) ReadEnd(Stream zip)
    {
        // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
        var tailLength = (int)Math.Min(zip.Length, EndRecordLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        ReadExactly(zip, tail);
        for (var i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfCentralDirectory)
            {
                continue;
            }

            var end = tail.AsSpan(i);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(end[20..]);
            if (i + EndRecordLength + commentLength != tailLength)
            {
                continue; // the signature bytes inside a comment, not the record
            }

            var endPosition = zip.Length - tailLength + i;
            var disk = BinaryPrimitives.ReadUInt16LittleEndian(end[4..]);
            var directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(end[6..]);
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
            if (disk != 0 || directoryDisk != 0)
            {
                throw new MediaRejectedException(MediaProblem.Damaged); // split archives
            }

            if (entries == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue)
            {
                return ReadZip64End(zip, tail, i, endPosition);
            }

            return (entries, size, offset, endPosition);
        }

        throw new MediaRejectedException(MediaProblem.Damaged);
    }

    private static (long, long, long, long) ReadZip64End(Stream zip, byte[] tail, int endIndex, long endPosition)
    {
        var locatorIndex = endIndex - 20;
        if (locatorIndex < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locatorIndex)) != Zip64Locator)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(locatorIndex + 8));
        if (recordOffset < 0 || recordOffset + 56 > endPosition)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        var record = new byte[56];
        zip.Position = recordOffset;
        ReadExactly(zip, record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndOfCentralDirectory)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }

        var entries = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
        var size = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(40));
        var offset = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48));
        return (entries < 0 ? long.MaxValue : entries, size, offset, recordOffset);
    }

    /// <summary>The ZIP64 extra field holds, in this order, only the values whose 32-bit field is 0xFFFFFFFF.</summary>
    private static (long Size, long Compressed, long Offset) ReadZip64Sizes(byte[] extra, long size, long compressed, long offset)
    {
        for (var p = 0; p + 4 <= extra.Length;)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(p));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(p + 2));
            if (p + 4 + length > extra.Length)
            {
                break;
            }

            if (id == 1)
            {
                var field = extra.AsSpan(p + 4, length);
                var q = 0;
                if (size == uint.MaxValue && q + 8 <= field.Length)
                {
                    size = BinaryPrimitives.ReadInt64LittleEndian(field[q..]);
                    q += 8;
                }

                if (compressed == uint.MaxValue && q + 8 <= field.Length)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(field[q..]);
                    q += 8;
                }

                if (offset == uint.MaxValue && q + 8 <= field.Length)
                {
                    offset = BinaryPrimitives.ReadInt64LittleEndian(field[q..]);
                }

                return (size, compressed, offset);
            }

            p += 4 + length;
        }

        throw new MediaRejectedException(MediaProblem.Damaged);
    }

    private static void ReadExactly(Stream stream, byte[] buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new MediaRejectedException(MediaProblem.Damaged);
        }
    }
}
