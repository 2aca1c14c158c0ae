using Coalition.Tests.Media;
using Coalition.Web.Features.Media;
using Coalition.Web.Options;

namespace Coalition.UnitTests.Features.Media;

public sealed class DocumentCleanerTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"cleaner-{Guid.NewGuid():N}.tmp");
    private readonly DocumentCleaner _cleaner = new(Microsoft.Extensions.Options.Options.Create(new MediaOptions()));

    public void Dispose() => File.Delete(_output);

    [Fact]
    public void Clean_DocxWithAuthor_RemovesCoreAndAppProperties()
    {
        var result = _cleaner.Clean(new MemoryStream(MediaFixtures.DocxWithAuthor()), MediaFormats.Docx, _output);

        var text = MediaFixtures.ZipText(File.ReadAllBytes(_output));
        Assert.DoesNotContain(MediaFixtures.SecretName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Shelter", text, StringComparison.Ordinal);
        Assert.Contains("Witness statement", text, StringComparison.Ordinal);
        Assert.Contains(MetadataFields.Author, result.Removed);
        Assert.Contains(MetadataFields.Manager, result.Removed);
    }

    [Fact]
    public void Clean_PdfWithAuthor_RemovesInfoAndXmp()
    {
        var result = _cleaner.Clean(new MemoryStream(MediaFixtures.PdfWithAuthor()), MediaFormats.Pdf, _output);

        var bytes = File.ReadAllBytes(_output);
        Assert.False(MediaFixtures.Contains(bytes, MediaFixtures.SecretName));
        Assert.False(MediaFixtures.Contains(bytes, "Secret Shelter"));
        Assert.Equal(SniffedType.Pdf, FileSignature.Detect(bytes));
        Assert.Contains(MetadataFields.Author, result.Removed);
        Assert.Contains(MetadataFields.Title, result.Removed);
    }

    [Fact]
    public void Clean_MacroDocument_IsRefused()
    {
        var docm = MediaFixtures.Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");

        var ex = Assert.Throws<MediaRejectedException>(() => _cleaner.Clean(new MemoryStream(docm), MediaFormats.Docx, _output));

        Assert.Equal(MediaProblem.Macros, ex.Rejection.Problem);
    }

    [Fact]
    public void Clean_ZipPretendingToBeDocx_IsRefused()
    {
        var ex = Assert.Throws<MediaRejectedException>(() =>
            _cleaner.Clean(new MemoryStream(MediaFixtures.Zip("readme.txt")), MediaFormats.Docx, _output));

        Assert.Equal(MediaProblem.NotOfficeDocument, ex.Rejection.Problem);
    }

    [Fact]
    public void Clean_PressKitZip_IsKeptWithAWarning()
    {
        var result = _cleaner.Clean(new MemoryStream(MediaFixtures.Zip("press/release.pdf", "press/logo.png")), MediaFormats.Zip, _output);

        Assert.Contains(DocumentWarnings.ArchiveNotCleaned, result.Warnings);
    }

    [Fact]
    public void Clean_BrokenPdf_IsDamaged()
    {
        var ex = Assert.Throws<MediaRejectedException>(() =>
            _cleaner.Clean(new MemoryStream("%PDF-1.7\nnothing else"u8.ToArray()), MediaFormats.Pdf, _output));

        Assert.Equal(MediaProblem.Damaged, ex.Rejection.Problem);
    }
}
