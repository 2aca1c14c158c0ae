using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Press;

/// <summary>The demo press room of a new installation with <c>Seed:Demo</c>.</summary>
public sealed class PressDemoSeederTests(DemoCoalitionAppFactory factory) : IClassFixture<DemoCoalitionAppFactory>
{
    [Fact]
    public async Task Demo_HasTheLaunchReleaseInThreeLanguagesWithFilesAndPlaceholderContacts()
    {
        var launch = await factory.QueryDbAsync(db => db.Set<PressRelease>().AsNoTracking()
            .Where(r => r.PublishedUtc == new DateTime(2020, 5, 5, 5, 0, 0, DateTimeKind.Utc)).ToListAsync());
        Assert.Equal(["en", "ru", "tg"], launch.Select(r => r.Culture).Order());
        Assert.Single(launch.Select(r => r.TranslationGroupId).Distinct());

        using var client = factory.CreateBrowser();
        var page = await client.GetDocumentAsync($"/en/press/{launch.Single(r => r.Culture == "en").Slug}");
        Assert.Contains("Helsinki Foundation for Human Rights", page.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("EIDHR", page.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".files a[download]"));
        var phones = page.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.StartsWith("tel:+9920000000", p, StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("a[href^='mailto:']"), a => Assert.EndsWith("@example.org", a.GetAttribute("href"), StringComparison.Ordinal));

        foreach (var href in page.QuerySelectorAll(".files a[download]").Select(a => a.GetAttribute("href")!))
        {
            using var file = await client.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.True(file.Content.Headers.ContentType?.MediaType is "application/pdf" or "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    [Fact]
    public async Task Demo_HasAReleaseUnderEmbargoWithAnAccessLink_HiddenFromThePublic()
    {
        var now = factory.UtcNow;
        var embargoed = await factory.QueryDbAsync(db => db.Set<PressRelease>().AsNoTracking().Where(r => r.PublishedUtc > now).ToListAsync());
        Assert.NotEmpty(embargoed);
        Assert.True(await factory.QueryDbAsync(db => db.Set<PressAccessLink>().AnyAsync(l => embargoed.Select(r => r.Id).Contains(l.PressReleaseId))));
        using var client = factory.CreateBrowser();
        foreach (var release in embargoed)
        {
            using var response = await client.GetAsync(new Uri($"/{release.Culture}/press/{release.Slug}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.True(await factory.QueryDbAsync(db => db.Set<PressRelease>().CountAsync(r => r.DocumentsJson != null && r.PublishedUtc < now)) >= 3);
        Assert.NotEmpty(await factory.QueryDbAsync(db => db.Set<PressKitItem>().ToListAsync()));
    }
}
