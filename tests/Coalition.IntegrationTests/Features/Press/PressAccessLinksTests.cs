using System.Net;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Press;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Press;

/// <summary>Early access to an embargoed release: created in the admin, opened without an account, counted, revoked, expired, ended.</summary>
public sealed partial class PressAccessLinksTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}";

    /// <summary>An embargoed release with files, and an access link made through the admin page for <paramref name="recipient"/>.</summary>
    private async Task<(int Id, string Slug, string Link, string PdfName, DateTime Embargo)> EmbargoedWithLinkAsync(string recipient, int days = 7, int embargoMinutes = 60 * 24)
    {
        var files = await PressTestData.UploadFilesAsync(factory);
        var embargo = PressTestData.NextMinute(factory, embargoMinutes);
        var (id, slug) = await PressTestData.CreateReleaseAsync(factory, Unique("Embargoed"), files, embargo);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var created = await editor.SubmitFormAsync($"/admin/press-room/releases/{id}/links", $"/admin/press-room/releases/{id}/links",
            new() { ["Form.Recipient"] = recipient, ["Form.Days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var page = await created.ParseAsync();
        var url = page.QuerySelector("input.share-url")!.GetAttribute("value")!;
        Assert.Matches(LinkPattern(), url);
        return (id, slug, new Uri(url).PathAndQuery, await PressTestData.DocumentNameAsync(factory, files.Pdf), embargo);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = factory.CreateBrowser();
        return await client.GetAsync(new Uri(path, UriKind.Relative));
    }

    [Fact]
    public async Task Link_OpensTheEmbargoedReleaseMarkedNoindexNoStore_AndItsFiles_WhileThePublicGets404()
    {
        var (_, slug, link, pdf, embargo) = await EmbargoedWithLinkAsync("RFE/RL Dushanbe desk");

        using (var open = await GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.Equal("no-store", open.Headers.CacheControl?.ToString());
            Assert.Equal("noindex, nofollow", open.Headers.GetValues("X-Robots-Tag").Single());
            var page = await open.ParseAsync();
            Assert.Contains("EMBARGOED UNTIL " + Coalition.Web.Features.Localization.DushanbeTime.FormatDateTime(embargo), page.QuerySelector(".embargo")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.Equal($"{link}/files/{pdf}", page.QuerySelector(".files a")!.GetAttribute("href"));
        }

        using (var file = await GetAsync($"{link}/files/{pdf}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", file.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }

        using (var publicPage = await GetAsync($"/en/press/{slug}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        }

        using var publicFile = await GetAsync($"/en/press/{slug}/files/{pdf}");
        Assert.Equal(HttpStatusCode.NotFound, publicFile.StatusCode);
    }

    [Fact]
    public async Task Link_InTheReadersLanguage_MarksTheEmbargoInRussian()
    {
        var (_, _, link, _, _) = await EmbargoedWithLinkAsync("Russian desk");
        using var open = await GetAsync(link.Replace("/en/", "/ru/", StringComparison.Ordinal));
        var page = await open.ParseAsync();
        Assert.Contains("ЭМБАРГО ДО", page.QuerySelector(".embargo")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Link_CountsOpeningsWithoutKeepingAnyAddress_AndIsAuditedByRecipient()
    {
        var recipient = Unique("Desk");
        var (id, _, link, pdf, _) = await EmbargoedWithLinkAsync(recipient);
        for (var i = 0; i < 3; i++)
        {
            using var _ = await GetAsync(link);
        }

        using (var file = await GetAsync($"{link}/files/{pdf}"))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        var stored = await factory.QueryDbAsync(db => db.Set<PressAccessLink>().AsNoTracking().SingleAsync(l => l.PressReleaseId == id));
        Assert.Equal(3, stored.OpenCount);
        Assert.Equal(recipient, stored.RecipientLabel);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(stored.TokenHash, link, StringComparison.Ordinal);
        var audit = await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == PressAuditActions.AccessLinkCreate && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, e => e.Summary!.StartsWith(recipient, StringComparison.Ordinal));

        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var admin = await editor.GetDocumentAsync($"/admin/press-room/releases/{id}/links");
        Assert.Contains(recipient, admin.QuerySelector(".admin-table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(admin.QuerySelector("input.share-url")); // the address is shown once only
    }

    [Fact]
    public async Task Link_Revoked_Is404_ForPageAndFiles()
    {
        var (id, _, link, pdf, _) = await EmbargoedWithLinkAsync(Unique("Revoked desk"));
        var linkId = await factory.QueryDbAsync(db => db.Set<PressAccessLink>().Where(l => l.PressReleaseId == id).Select(l => l.Id).SingleAsync());
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using (var revoked = await editor.SubmitFormAsync($"/admin/press-room/releases/{id}/links", $"/admin/press-room/releases/{id}/links/{linkId}/revoke"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        using (var open = await GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        }

        using var file = await GetAsync($"{link}/files/{pdf}");
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Contains(await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == PressAuditActions.AccessLinkRevoke).Select(e => e.Summary).ToListAsync()),
            s => s!.StartsWith("Revoked desk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_Expired_Is404()
    {
        var (_, _, link, _, _) = await EmbargoedWithLinkAsync(Unique("Short desk"), days: 1, embargoMinutes: 60 * 24 * 5);
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var open = await GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task Link_AfterTheEmbargo_RedirectsToThePublicPage()
    {
        var (_, slug, link, _, embargo) = await EmbargoedWithLinkAsync(Unique("Late desk"), embargoMinutes: 30);
        factory.Clock.Advance(embargo - factory.UtcNow);
        using var open = await GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/en/press/{slug}", open.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Link_UnknownToken_Is404()
    {
        using var open = await GetAsync("/en/press/access/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task Schedule_MovingTheEmbargoLaterAfterLinksWereSent_AsksTheEditorToConfirm()
    {
        var (id, _, _, _, embargo) = await EmbargoedWithLinkAsync(Unique("Warned desk"));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var later = Coalition.Web.Areas.Admin.ViewModels.ContentFormViewModel.InputValue(Coalition.Web.Features.Localization.DushanbeTime.ToLocal(embargo.AddDays(1)))!;
        using var response = await editor.SubmitFormAsync($"/admin/press/{id}/edit", $"/admin/press/{id}/edit", new() { ["PublishAt"] = later, ["action"] = "schedule" });
        var page = await response.ParseAsync();
        Assert.Contains("Moving the embargo later", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(embargo, await factory.QueryDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).Select(r => r.PublishedUtc).SingleAsync()));
    }

    [Fact]
    public async Task Publish_AnEmbargoedReleaseNow_AsksTheEditorToConfirm()
    {
        var (id, _, _, _, embargo) = await EmbargoedWithLinkAsync(Unique("Early desk"));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var response = await editor.SubmitFormAsync($"/admin/press/{id}/edit", $"/admin/press/{id}/edit", new() { ["action"] = "publish" });
        var page = await response.ParseAsync();
        Assert.Contains("Publishing it now ends the embargo", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(embargo, await factory.QueryDbAsync(db => db.Set<PressRelease>().Where(r => r.Id == id).Select(r => r.PublishedUtc).SingleAsync()));
    }

    [GeneratedRegex("^http://localhost/en/press/access/[A-Za-z0-9_-]{43}$")]
    private static partial Regex LinkPattern();
}
