using System.Buffers.Binary;
using Coalition.Tests.Media;
using Coalition.Web.Features.Media;

namespace Coalition.UnitTests.Features.Media;

public sealed class ZipInspectorTests
{
    private const int MaxEntries = 1000;
    private const long MaxUnpacked = 100L * 1024 * 1024;

    [Fact]
    public void Inspect_OrdinaryDocx_ListsItsEntries()
    {
        var contents = Inspect(MediaFixtures.DocxWithAuthor());

        Assert.Contains("word/document.xml", contents.Names);
        Assert.Contains("[Content_Types].xml", contents.Names);
        Assert.True(contents.UnpackedBytes > 0);
    }

    [Fact]
    public void Inspect_MoreUnpackedThanTheLimit_IsRefusedWithoutExtracting()
    {
        var bomb = MediaFixtures.ZipBombDocx(8 * 1024 * 1024);
        Assert.True(bomb.Length < 100_000); // tiny packed

        var problem = Refused(bomb, maxUnpacked: 4 * 1024 * 1024);

        Assert.Equal(MediaProblem.ArchiveTooLarge, problem);
    }

    [Fact]
    public void Inspect_TooManyEntries_IsRefused()
    {
        var names = Enumerable.Range(0, 30).Select(i => $"f{i}.txt").ToArray();

        Assert.Equal(MediaProblem.ArchiveTooManyEntries, Refused(MediaFixtures.Zip(names), maxEntries: 20));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("press/../../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("\\windows\\system32\\evil.dll")]
    [InlineData("C:/temp/evil.txt")]
    [InlineData("press\\..\\..\\evil.txt")]
    public void Inspect_UnsafeEntryName_IsRefused(string name) =>
        Assert.Equal(MediaProblem.ArchiveUnsafeName, Refused(MediaFixtures.Zip("ok.txt", name)));

    [Theory]
    [InlineData("press/photo.jpg", true)]
    [InlineData("a..b.txt", true)]
    [InlineData("..", false)]
    [InlineData("", false)]
    public void IsSafeName(string name, bool safe) => Assert.Equal(safe, ZipInspector.IsSafeName(name));

    [Fact]
    public void Inspect_EncryptedEntry_IsRefused()
    {
        var zip = MediaFixtures.Zip("secret.txt");
        // Set the "encrypted" flag in the central directory entry.
        var central = FindSignature(zip, 0x02014b50);
        zip[central + 8] |= 1;

        Assert.Equal(MediaProblem.Encrypted, Refused(zip));
    }

    [Fact]
    public void Inspect_TruncatedArchive_IsDamaged() =>
        Assert.Equal(MediaProblem.Damaged, Refused(MediaFixtures.Truncated(MediaFixtures.DocxWithAuthor())));

    [Fact]
    public void Inspect_NotAZip_IsDamaged() =>
        Assert.Equal(MediaProblem.Damaged, Refused("PK\x03\x04 but nothing else follows here at all"u8.ToArray()));

    [Fact]
    public void Inspect_CentralDirectoryClaimingMoreEntriesThanItHas_IsDamaged()
    {
        var zip = MediaFixtures.Zip("a.txt");
        var end = FindSignature(zip, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(end + 10), 5);

        Assert.Equal(MediaProblem.Damaged, Refused(zip));
    }

    private static ZipContents Inspect(byte[] zip) => ZipInspector.Inspect(new MemoryStream(zip), MaxEntries, MaxUnpacked);

    private static MediaProblem Refused(byte[] zip, int maxEntries = MaxEntries, long maxUnpacked = MaxUnpacked) =>
        Assert.Throws<MediaRejectedException>(() => ZipInspector.Inspect(new MemoryStream(zip), maxEntries, maxUnpacked)).Rejection.Problem;

    private static int FindSignature(byte[] zip, uint signature)
    {
        for (var i = zip.Length - 4; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == signature)
            {
                return i;
            }
        }

        throw new InvalidOperationException("signature not found");
    }
}
