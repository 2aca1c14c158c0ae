using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Press;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.Press;

/// <summary>Press releases and their files, made through the app's own editor and media library.</summary>
public static class PressTestData
{
    /// <summary>Uploads a PDF (with an author in its metadata) and a photo as an editor would; returns their library ids.</summary>
    public static async Task<(int Pdf, int Photo)> UploadFilesAsync(CoalitionAppFactory factory)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using (var pdf = await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.PdfWithAuthor(), "Statement.pdf", altEn: null))
        {
            Assert.True((int)pdf.StatusCode is >= 200 and < 400, $"upload answered {(int)pdf.StatusCode}");
        }

        var pdfId = await NewestMediaAsync(factory);
        using (var photo = await CoalitionAppFactory.UploadAsync(editor, MediaFixtures.Jpeg(), "Photo.jpg", altEn: "A test photo"))
        {
            Assert.True((int)photo.StatusCode is >= 200 and < 400, $"upload answered {(int)photo.StatusCode}");
        }

        return (pdfId, await NewestMediaAsync(factory));
    }

    /// <summary>
    /// Creates a release in <paramref name="culture"/> with the PDF and photo attached: published now, or scheduled
    /// (under embargo) until <paramref name="embargoUtc"/>. Returns its id and slug.
    /// </summary>
    public static async Task<(int Id, string Slug)> CreateReleaseAsync(CoalitionAppFactory factory, string title, (int Pdf, int Photo) files, DateTime? embargoUtc = null, string culture = "en", IReadOnlyList<int>? contacts = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor<PressRelease>>();
        var fields = new PressReleaseFields
        {
            PlaceLine = "Dushanbe",
            Documents = [new PressDocumentField { MediaId = files.Pdf, Language = "en" }],
            Photos = [new PressPhotoField { MediaId = files.Photo, Credit = "Test credit", UsageNote = "Editorial use" }],
            ContactIds = contacts?.ToList() ?? [],
        };
        var input = new ContentInput(culture, title, null, "Summary of " + title, "Text of " + title + ".", 0, PublishAtUtc: embargoUtc, Fields: fields);
        var result = await editor.CreateAsync(input, embargoUtc is null ? SaveAction.Publish : SaveAction.Schedule, userId: null);
        Assert.True(result.Succeeded, $"Could not create the release: {result.Outcome} {result.Detail}");
        var item = await editor.FindAsync(result.Id);
        return (result.Id, item!.Slug);
    }

    public static async Task<MediaItem> MediaAsync(CoalitionAppFactory factory, int id) =>
        await factory.QueryDbAsync(db => db.Media.AsNoTracking().FirstAsync(m => m.Id == id));

    public static async Task<string> DocumentNameAsync(CoalitionAppFactory factory, int id) =>
        PressRoomQueries.DocumentOf(await MediaAsync(factory, id))!.StoredName;

    private static Task<int> NewestMediaAsync(CoalitionAppFactory factory) =>
        factory.QueryDbAsync(db => db.Media.OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());

    /// <summary>The next whole minute after the app's clock: embargoes are set to the minute.</summary>
    public static DateTime NextMinute(CoalitionAppFactory factory, int minutes = 1)
    {
        var now = factory.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(minutes);
    }
}
