using System.Text;
using Coalition.Tests.Media;
using Coalition.Web.Features.Media;

namespace Coalition.UnitTests.Features.Media;

public sealed class FileSignatureTests
{
    [Fact]
    public void Detect_RealImagesAndDocuments_ByContent()
    {
        Assert.Equal(SniffedType.Jpeg, FileSignature.Detect(MediaFixtures.Jpeg(16, 16)));
        Assert.Equal(SniffedType.Png, FileSignature.Detect(MediaFixtures.Png(16, 16)));
        Assert.Equal(SniffedType.Pdf, FileSignature.Detect(MediaFixtures.PdfWithAuthor()));
        Assert.Equal(SniffedType.Zip, FileSignature.Detect(MediaFixtures.DocxWithAuthor()));
        Assert.Equal(SniffedType.WebP, FileSignature.Detect("RIFF\x10\0\0\0WEBPVP8 "u8));
    }

    [Fact]
    public void Detect_WindowsProgramRenamedToPdf_IsExecutable() =>
        Assert.Equal(SniffedType.Executable, FileSignature.Detect(MediaFixtures.PeExecutable()));

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1 })] // ELF
    [InlineData(new byte[] { 0xCF, 0xFA, 0xED, 0xFE, 7, 0 })] // Mach-O
    [InlineData(new byte[] { (byte)'#', (byte)'!', (byte)'/', (byte)'b' })] // script
    public void Detect_OtherExecutables_AreExecutable(byte[] head) =>
        Assert.Equal(SniffedType.Executable, FileSignature.Detect(head));

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("\uFEFF  <?xml version=\"1.0\"?>\n<!DOCTYPE svg><svg/>")]
    [InlineData("<!-- logo -->\n<svg onload=\"alert(1)\"/>")]
    public void Detect_Svg_InAnyDisguise(string text) =>
        Assert.Equal(SniffedType.Svg, FileSignature.Detect(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Detect_SvgInUtf16_IsSvg() =>
        Assert.Equal(SniffedType.Svg, FileSignature.Detect([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<svg/>")]));

    [Theory]
    [InlineData("<!DOCTYPE html><html></html>")]
    [InlineData("  <HTML><body>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>")]
    public void Detect_Html(string text) =>
        Assert.Equal(SniffedType.Html, FileSignature.Detect(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Detect_Nothing_IsEmpty() => Assert.Equal(SniffedType.Empty, FileSignature.Detect([]));

    [Fact]
    public void Detect_PlainText_IsUnknown() => Assert.Equal(SniffedType.Unknown, FileSignature.Detect("Minutes of the meeting"u8));

    [Fact]
    public void Detect_PolyglotStartingAsJpeg_IsJpeg_SoItIsReEncoded() =>
        Assert.Equal(SniffedType.Jpeg, FileSignature.Detect(MediaFixtures.PolyglotJpegHtml()));

    [Theory]
    [InlineData("photo.JPG", "jpeg")]
    [InlineData("report.pdf", "pdf")]
    [InlineData("kit.zip", "zip")]
    [InlineData("table.xlsx", "xlsx")]
    public void MediaFormats_FromFileName_AllowList(string name, string format) =>
        Assert.Equal(format, MediaFormats.FromFileName(name)!.Name);

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("page.html")]
    [InlineData("macro.docm")]
    [InlineData("photo.heic")]
    [InlineData("setup.exe")]
    [InlineData("noextension")]
    public void MediaFormats_FromFileName_EverythingElseIsRefused(string name) =>
        Assert.Null(MediaFormats.FromFileName(name));
}
