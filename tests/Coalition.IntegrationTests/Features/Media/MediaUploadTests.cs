using System.Net;
using Coalition.Data.Entities;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Media;

/// <summary>Uploads through the real form: what is accepted is cleaned, what is dangerous is refused with a clear message.</summary>
public sealed class MediaUploadTests(SmallUploadsAppFactory app) : IClassFixture<SmallUploadsAppFactory>, IDisposable
{
    private Browser? _editor;

    public void Dispose() => _editor?.Dispose();

    [Fact]
    public async Task Upload_JpegWithGpsExif_ServedVariantsCarryNoMetadata()
    {
        var original = MediaFixtures.JpegWithGpsExif(2000, 1200);
        Assert.True(MediaFixtures.HasMetadata(original)); // the fixture really carries EXIF

        var item = await UploadOkAsync(original, "field-visit.jpg");

        Assert.Contains(MetadataFields.Gps, MetadataFields.Split(item.RemovedMetadata));
        Assert.Equal("480,960,1200,1600", item.VariantWidths);
        var client = await EditorAsync();
        foreach (var name in MediaLibrary.StoredFiles(item))
        {
            var bytes = await client.GetByteArrayAsync(MediaUrls.Prefix + name);
            Assert.False(MediaFixtures.HasMetadata(bytes), $"{name} still carries metadata");
            Assert.DoesNotContain(0xE1, name.EndsWith(".jpg", StringComparison.Ordinal) ? MediaFixtures.JpegSegments(bytes) : []);
        }

        // The stored files on disk are exactly the served ones: no original is kept anywhere.
        var stored = Directory.EnumerateFiles(app.MediaFolder, item.StorageKey + "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(8, stored.Count); // four widths, WebP and JPEG each
        Assert.All(stored, f => Assert.False(MediaFixtures.HasMetadata(File.ReadAllBytes(f))));
    }

    [Fact]
    public async Task Upload_Jpeg_EditorIsToldWhatWasRemoved()
    {
        var response = await UploadAsync(MediaFixtures.JpegWithGpsExif(), "told.jpg");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await EditorAsync()).GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("GPS location", page, StringComparison.Ordinal);
        Assert.Contains("camera make and model", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_DocxWithAuthor_ServedCopyHasNoAuthor()
    {
        var original = MediaFixtures.DocxWithAuthor();
        Assert.Contains(MediaFixtures.SecretName, MediaFixtures.ZipText(original), StringComparison.Ordinal);

        var item = await UploadOkAsync(original, "statement.docx", altEn: null);

        var served = await (await EditorAsync()).GetByteArrayAsync(MediaUrls.Of(item));
        var text = MediaFixtures.ZipText(served);
        Assert.DoesNotContain(MediaFixtures.SecretName, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret Shelter", text, StringComparison.Ordinal);
        Assert.Contains("Witness statement, anonymised.", text, StringComparison.Ordinal);
        var removed = MetadataFields.Split(item.RemovedMetadata);
        Assert.Contains(MetadataFields.Author, removed);
        Assert.Contains(MetadataFields.LastModifiedBy, removed);
        Assert.Contains(MetadataFields.Company, removed);
    }

    [Fact]
    public async Task Upload_PdfWithAuthor_ServedCopyHasNoAuthor()
    {
        var item = await UploadOkAsync(MediaFixtures.PdfWithAuthor(), "report.pdf", altEn: null);

        var served = await (await EditorAsync()).GetByteArrayAsync(MediaUrls.Of(item));
        Assert.False(MediaFixtures.Contains(served, MediaFixtures.SecretName));
        Assert.Contains(MetadataFields.Author, MetadataFields.Split(item.RemovedMetadata));
    }

    [Theory]
    [InlineData("svg", "SVG images are not accepted")]
    [InlineData("pe-as-pdf", "Programs and scripts are not accepted")]
    [InlineData("elf-as-jpg", "Programs and scripts are not accepted")]
    [InlineData("html-as-jpg", "Web pages (HTML)")]
    [InlineData("png-as-pdf", "does not match its extension .pdf")]
    [InlineData("text", "Files of this type are not accepted")]
    [InlineData("empty", "The file is empty")]
    [InlineData("truncated", "damaged or incomplete")]
    [InlineData("pixel-bomb", "100000 × 100000 pixels")]
    [InlineData("zip-bomb", "unpacks to more than")]
    [InlineData("macro", "Documents with macros are not accepted")]
    [InlineData("zip-slip", "unsafe name")]
    [InlineData("zip-exe", "programs, scripts, web pages or SVG")]
    [InlineData("image-too-large", "The file is too large")]
    [InlineData("no-alt", "Describe the image for people who cannot see it")]
    public async Task Upload_DangerousOrBrokenFile_Is400WithClearMessage(string kind, string message)
    {
        var (bytes, name) = kind switch
        {
            "svg" => (MediaFixtures.SvgWithScript(), "logo.svg"),
            "pe-as-pdf" => (MediaFixtures.PeExecutable(), "report.pdf"),
            "elf-as-jpg" => ([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], "photo.jpg"),
            "html-as-jpg" => ("<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "photo.jpg"),
            "png-as-pdf" => (MediaFixtures.Png(), "report.pdf"),
            "text" => ("just some notes"u8.ToArray(), "notes.txt"),
            "empty" => ([], "empty.pdf"),
            "truncated" => (MediaFixtures.Truncated(MediaFixtures.Jpeg(1200, 900)), "cut.jpg"),
            "pixel-bomb" => (MediaFixtures.PngClaiming(100_000, 100_000), "bomb.png"),
            "zip-bomb" => (MediaFixtures.ZipBombDocx(8_000_000), "bomb.docx"),
            "macro" => (MediaFixtures.Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "macro.docx"),
            "zip-slip" => (MediaFixtures.Zip("press/readme.txt", "../../etc/cron.d/evil"), "kit.zip"),
            "zip-exe" => (MediaFixtures.Zip("press/photo.jpg", "press/setup.exe"), "kit.zip"),
            "image-too-large" => (LargeJpeg(), "big.jpg"),
            "no-alt" => (MediaFixtures.Jpeg(), "no-alt.jpg"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var before = await app.QueryDbAsync(db => db.Media.CountAsync());
        using var response = await UploadAsync(bytes, name, altEn: kind == "no-alt" ? null : "Alt");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task Upload_RejectedFile_MessageInEditorsLanguage()
    {
        var client = await EditorAsync();
        (await client.GetAsync("/language/tg")).Dispose(); // the language switcher remembers the choice
        try
        {
            using var response = await UploadAsync(MediaFixtures.SvgWithScript(), "logo.svg");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Тасвирҳои SVG қабул намешаванд", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            (await client.GetAsync("/language/en")).Dispose();
        }
    }

    [Fact]
    public async Task Upload_BodyOverTheRequestLimit_Is413BeforeReading()
    {
        var tooBig = new byte[SmallUploadsAppFactory.MaxDocumentBytes + 200_000];
        "%PDF-1.7\n"u8.CopyTo(tooBig);

        using var response = await UploadAsync(tooBig, "huge.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The file is too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_PolyglotJpegHtml_IsReEncodedAndServedInert()
    {
        var item = await UploadOkAsync(MediaFixtures.PolyglotJpegHtml(), "innocent.jpg");
        var client = await EditorAsync();

        foreach (var name in MediaLibrary.StoredFiles(item))
        {
            using var response = await client.GetAsync(MediaUrls.Prefix + name);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(MediaFixtures.Contains(bytes, "<script"), $"{name} kept the HTML");
            Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
            // Not used by a published item yet: served to staff only, and never cached (issue 19, item 11).
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Upload_PathTraversalFileName_IsOnlyALabel()
    {
        var item = await UploadOkAsync(MediaFixtures.Jpeg(), "../../../etc/\u202Egpj.exe\u202C/passwd.jpg");

        Assert.Equal("passwd.jpg", item.DisplayName);
        Assert.Matches("^[a-f0-9]{32}$", item.StorageKey);
        var outside = Directory.EnumerateFiles(Path.GetDirectoryName(app.MediaFolder)!, "*passwd*", SearchOption.AllDirectories);
        Assert.Empty(outside);
        Assert.Empty(Directory.EnumerateFiles(app.MediaFolder, "*passwd*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Download_CyrillicFileName_ContentDispositionKeepsIt()
    {
        const string name = "Доклад о пытках — Ҳисобот 2021.pdf";
        var item = await UploadOkAsync(MediaFixtures.PdfWithAuthor(), name, altEn: null);
        // A file is public only while a published item uses it (issue 19, item 11).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<Coalition.Web.Features.Publishing.ContentEditor<NewsArticle>>();
            var published = await editor.CreateAsync(new Coalition.Web.Features.Publishing.ContentInput("en", $"Report {Guid.NewGuid():N}", null, null, $"[The report]({MediaUrls.Of(item)})", 0), Coalition.Web.Features.Publishing.SaveAction.Publish, null);
            Assert.True(published.Succeeded);
        }

        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(MediaUrls.Of(item));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
        Assert.Equal("doklad-o-pytkakh-hisobot-2021.pdf", disposition.FileName!.Trim('"'));
        var raw = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''%D0%94%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4", raw, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");

        Assert.Equal(1, await app.QueryDbAsync(db => db.Media.Where(m => m.Id == item.Id).Select(m => m.DownloadCount).SingleAsync()));
    }

    [Fact]
    public async Task Upload_Anonymous_RedirectsToLogin()
    {
        using var client = app.CreateBrowser();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(MediaFixtures.Jpeg()), "File", "a.jpg" } };

        using var response = await client.PostAsync("/admin/media/upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath); // relative: names no host (issue 19)
    }

    [Fact]
    public async Task MediaUrl_UnknownOrMalformedName_Is404()
    {
        using var client = app.CreateClient();
        foreach (var path in new[] { "/media/..%2F..%2Fappsettings.json", "/media/0123456789abcdef0123456789abcdef-480.webp", "/media/coalition.db" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Library_SearchAndFilter_FindByNameAndType()
    {
        await UploadOkAsync(MediaFixtures.Jpeg(), "Суд в Душанбе.jpg");
        await UploadOkAsync(MediaFixtures.PdfWithAuthor(), "Годовой отчёт.pdf", altEn: null);
        var client = await EditorAsync();

        var found = await client.GetStringAsync("/admin/media?q=" + Uri.EscapeDataString("суд"));
        var documents = await client.GetStringAsync("/admin/media?type=documents&q=" + Uri.EscapeDataString("ОТЧЁТ"));

        Assert.Contains("Суд в Душанбе.jpg", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Годовой отчёт.pdf", found, StringComparison.Ordinal);
        Assert.Contains("Годовой отчёт.pdf", documents, StringComparison.Ordinal);
        Assert.DoesNotContain("Суд в Душанбе.jpg", documents, StringComparison.Ordinal);
    }

    private async Task<MediaItem> UploadOkAsync(byte[] file, string name, string? altEn = "A test image")
    {
        using var response = await UploadAsync(file, name, altEn);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new Xunit.Sdk.XunitException($"Upload of {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        // Like a browser, follow the redirect: the details page shows (and so uses up) the upload notice.
        var location = response.Headers.Location!.OriginalString;
        (await (await EditorAsync()).GetAsync(location)).Dispose();
        var id = int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return await app.QueryDbAsync(db => db.Media.SingleAsync(m => m.Id == id));
    }

    /// <summary>A real JPEG over the image limit (random pixels do not compress) but under the document limit.</summary>
    private static byte[] LargeJpeg()
    {
        var random = new Random(7);
        for (var side = 200; side < 1000; side += 20)
        {
            using var bitmap = new SkiaSharp.SKBitmap(side, side);
            var pixels = new byte[side * side * 4];
            random.NextBytes(pixels);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
            var bytes = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 100).ToArray();
            if (bytes.Length > SmallUploadsAppFactory.MaxImageBytes + 20_000)
            {
                Assert.True(bytes.Length < SmallUploadsAppFactory.MaxDocumentBytes, $"{bytes.Length} bytes");
                return bytes;
            }
        }

        throw new InvalidOperationException("no size fits");
    }

    /// <summary>One Editor per test, signed in on first use.</summary>
    private async Task<Browser> EditorAsync() => _editor ??= await app.SignedInClientAsync(Roles.Editor);

    private async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, string? altEn = "A test image", bool decorative = false, string contentType = "application/octet-stream") =>
        await CoalitionAppFactory.UploadAsync(await EditorAsync(), file, fileName, altEn, decorative, contentType);
}
