using Coalition.Web.Features.Media;

namespace Coalition.UnitTests.Features.Media;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("C:\\Users\\olga\\Desktop\\photo.jpg", "photo.jpg")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("a\u0000b\u001Fc.pdf", "abc.pdf")]
    [InlineData("  .hidden.pdf  ", "hidden.pdf")]
    [InlineData("Отчёт «Ҳисобот» 2021.pdf", "Отчёт «Ҳисобот» 2021.pdf")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("\u200B\u2066", "file")]
    public void Sanitize_KeepsOnlyAHarmlessLabel(string? input, string expected) =>
        Assert.Equal(expected, FileNames.Sanitize(input));

    [Fact]
    public void Sanitize_LongName_IsCutTo150WithItsExtension()
    {
        var name = FileNames.Sanitize(new string('ж', 400) + ".docx");

        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_NeverCutsASurrogatePair()
    {
        var name = FileNames.Sanitize(new string('a', 144) + "😀😀😀😀" + ".pdf");

        Assert.True(name.Length <= FileNames.MaxLength);
        Assert.False(char.IsHighSurrogate(name[^5]));
    }

    [Theory]
    [InlineData("Доклад о пытках.pdf", "pdf", "doklad-o-pytkakh.pdf")]
    [InlineData("Ҳисоботи солона.docx", "docx", "hisoboti-solona.docx")]
    [InlineData("«»—.pdf", "pdf", "file.pdf")]
    public void AsciiFallback_Transliterates(string name, string extension, string expected) =>
        Assert.Equal(expected, FileNames.AsciiFallback(name, extension));

    [Theory]
    [InlineData("report.PDF", "pdf", "report.PDF")]
    [InlineData("scan", "pdf", "scan.pdf")]
    [InlineData("photo.jpg", "pdf", "photo.jpg.pdf")]
    public void WithExtension_DownloadNameAlwaysHasTheRealType(string name, string extension, string expected) =>
        Assert.Equal(expected, FileNames.WithExtension(name, extension));
}
