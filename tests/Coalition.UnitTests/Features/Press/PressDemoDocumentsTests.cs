using DocumentFormat.OpenXml.Packaging;
using Coalition.Web.Features.Press;
using PdfSharp.Pdf.IO;

namespace Coalition.UnitTests.Features.Press;

public sealed class PressDemoDocumentsTests
{
    [Fact]
    public void Pdf_IsAOnePagePdfThatAReaderOpens()
    {
        var bytes = PressDemoDocuments.Pdf("Fact sheet (demo)", ["Line one", "Line (two) with brackets", "Кириллица becomes ?"]);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("Line \\(two\\) with brackets", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_HoldsTheTextInAnyLanguage()
    {
        var bytes = PressDemoDocuments.Docx("Изҳороти матбуотӣ", ["Эътилоф бар зидди шиканҷа.", "Second paragraph."]);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Изҳороти матбуотӣ", text, StringComparison.Ordinal);
        Assert.Contains("Эътилоф бар зидди шиканҷа.", text, StringComparison.Ordinal);
    }
}
