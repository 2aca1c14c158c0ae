using System.Globalization;
using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using static Coalition.IntegrationTests.Features.Campaigns.CampaignFixtures;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The campaign's own fields in the shared editor: materials, window, and the media they use.</summary>
public sealed class CampaignsAdminTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private async Task<int> UploadPdfAsync(HttpClient editor)
    {
        using var upload = await CoalitionAppFactory.UploadAsync(editor, Coalition.Tests.Media.MediaFixtures.PdfWithAuthor(), $"leaflet-{Guid.NewGuid():N}.pdf", altEn: null);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        return await factory.QueryDbAsync(db => db.Media.Where(m => m.Kind == MediaKind.Document).MaxAsync(m => m.Id));
    }

    private static Dictionary<string, string> Form(string title, int documentId, string link = "https://video.example.org/watch/7") => new()
    {
        ["Culture"] = "en",
        ["Title"] = title,
        ["Body"] = "Text of the campaign.",
        ["Fields.Year"] = "2026",
        ["Fields.Day"] = "December10",
        ["Fields.WindowStart"] = "2026-11-26T00:00",
        ["Fields.WindowEnd"] = "2026-12-21T00:00",
        ["Fields.ThemeLine"] = "Together against impunity",
        ["Fields.Materials[0].Label"] = "Video message",
        ["Fields.Materials[0].Url"] = link,
        ["Fields.Materials[1].Label"] = "Leaflet",
        ["Fields.Materials[1].DocumentId"] = documentId.ToString(CultureInfo.InvariantCulture),
        ["action"] = "publish",
    };

    [Fact]
    public async Task Create_ThroughTheForm_StoresTheFieldsAndMaterialsInOrder()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var pdf = await UploadPdfAsync(editor);
        var title = Unique("December campaign");

        using var response = await editor.SubmitFormAsync("/admin/campaigns/create?culture=en", "/admin/campaigns/create", Form(title, pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.QueryDbAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Title == title));
        Assert.Equal((2026, CampaignDay.December10, "Together against impunity"), (stored.Year, stored.Day, stored.ThemeLine));
        Assert.Equal(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc), stored.WindowStartUtc);
        Assert.Equal(new DateTime(2026, 12, 20, 19, 0, 0, DateTimeKind.Utc), stored.WindowEndUtc);
        Assert.Equal(["Video message", "Leaflet"], stored.Materials.Select(m => m.Label));
        Assert.Equal(pdf, stored.Materials[1].DocumentId);
        Assert.Equal($"|{pdf}|", stored.MediaRefs);

        var edit = await editor.GetDocumentAsync($"/admin/campaigns/{stored.Id}/edit");
        Assert.Equal("Video message", edit.QuerySelector("#Fields_Materials_0__Label")!.GetAttribute("value"));
        Assert.Equal(pdf.ToString(CultureInfo.InvariantCulture), edit.QuerySelector("#Fields_Materials_1__DocumentId option[selected]")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector($"a[href='/admin/campaign-tools/{stored.Id}']"));
    }

    [Theory]
    [InlineData("http://video.example.org/watch/7")]
    [InlineData("javascript:alert(1)")]
    public async Task Create_MaterialLinkNotHttps_RefusedWithTheTypedValuesKept(string link)
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var pdf = await UploadPdfAsync(editor);
        var title = Unique("Bad link campaign");

        using var response = await editor.SubmitFormAsync("/admin/campaigns/create?culture=en", "/admin/campaigns/create", Form(title, pdf, link));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("must start with https://", page.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.Equal(link, page.QuerySelector("#Fields_Materials_0__Url")!.GetAttribute("value"));
        Assert.False(await factory.QueryDbAsync(db => db.Campaigns.AnyAsync(c => c.Title == title)));
    }

    [Fact]
    public async Task Create_WindowClosesBeforeItOpens_Refused()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var pdf = await UploadPdfAsync(editor);
        var form = Form(Unique("Backwards campaign"), pdf);
        form["Fields.WindowEnd"] = "2026-11-20T00:00";

        using var response = await editor.SubmitFormAsync("/admin/campaigns/create?culture=en", "/admin/campaigns/create", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The window must close after it opens.", (await response.ParseAsync()).DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Material_IsListedWhereTheFileIsUsed_AndTheFileCannotBeDeleted()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var pdf = await UploadPdfAsync(editor);
        var title = Unique("Uses campaign");
        using (var created = await editor.SubmitFormAsync("/admin/campaigns/create?culture=en", "/admin/campaigns/create", Form(title, pdf)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var details = await editor.GetDocumentAsync($"/admin/media/{pdf}");
        Assert.Contains(title, details.DocumentElement.TextContent, StringComparison.Ordinal);
        using var admin = await factory.SignedInClientAsync(Roles.Administrator);
        using var delete = await admin.PostFormAsync($"/admin/media/{pdf}/delete", $"/admin/media/{pdf}/delete", []);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.True(await factory.QueryDbAsync(db => db.Media.AnyAsync(m => m.Id == pdf)));
    }
}
