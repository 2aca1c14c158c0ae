using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.Publishing;

/// <summary>
/// The addresses a section's own pages take (<c>/{culture}/events/past</c>, <c>/{culture}/press/kit</c>…) are refused
/// as slugs of that section's items through the real admin forms, with a message in the staff member's language and
/// the typed values kept; the list comes from the routing table, not from a hand-written list.
/// </summary>
public sealed class ReservedSlugsTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Theory]
    [InlineData("events", "past")]
    [InlineData("events", "registration")]
    [InlineData("press", "contacts")]
    [InlineData("press", "kit")]
    [InlineData("press", "alerts")]
    [InlineData("press", "access")]
    public async Task Create_SlugOfTheSectionsOwnPage_RefusedInTheirLanguageWithValuesKept(string section, string slug)
    {
        using var editor = await factory.SignedInClientAsync(await factory.CreateStaffAsync(Roles.Editor), acceptLanguage: "ru");
        var title = $"Заголовок {Guid.NewGuid():N}";

        using var refused = await editor.SubmitFormAsync($"/admin/{section}/create", $"/admin/{section}/create", Form(section, title, slug));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("Этот адрес занят разделом сайта", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("input[name=Title]")?.GetAttribute("value"));
        Assert.Equal(slug, page.QuerySelector("input[name=Slug]")?.GetAttribute("value"));
        if (section == "events")
        {
            Assert.Equal("Зал 2", page.QuerySelector("textarea[name='Fields.Venue']")?.TextContent.Trim());
        }

        Assert.False(await factory.QueryDbAsync(db => db.Events.AnyAsync(e => e.Title == title)));
        Assert.False(await factory.QueryDbAsync(db => db.Set<Coalition.Data.Entities.PressRelease>().AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Create_CalendarFeedAddress_RefusedAsAnInvalidAddress()
    {
        using var editor = await factory.SignedInClientAsync(await factory.CreateStaffAsync(Roles.Editor), acceptLanguage: "ru");

        using var refused = await editor.SubmitFormAsync("/admin/events/create", "/admin/events/create", Form("events", "Календарь", "calendar.ics"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Адрес может содержать только строчные латинские буквы", (await refused.ParseAsync()).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_EventMovedToPast_Refused_AndATitlePastGetsAnotherAddress()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using (var response = await editor.SubmitFormAsync("/admin/events/create", "/admin/events/create", Form("events", "Past", "")))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // A blank address follows the title, and steps around the section's own page.
        var created = await factory.QueryDbAsync(db => db.Events.Where(e => e.Title == "Past").Select(e => new { e.Id, e.Slug }).SingleAsync());
        var id = created.Id;
        Assert.Equal("past-2", created.Slug);

        using var refused = await editor.SubmitFormAsync($"/admin/events/{id}/edit", $"/admin/events/{id}/edit", new() { ["Slug"] = "past", ["action"] = "publish" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("belongs to a section of the site", (await refused.ParseAsync()).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("past-2", await factory.QueryDbAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Slug).SingleAsync()));
    }

    [Fact]
    public void Service_ReadsEachSectionFromTheRoutes()
    {
        var reserved = factory.Service<ReservedSlugs>();

        Assert.True(reserved.IsReserved("events", "past"));
        Assert.True(reserved.IsReserved("press", "kit"));
        Assert.True(reserved.IsReserved("", "news"));
        Assert.False(reserved.IsReserved("events", "news"));
        Assert.False(reserved.IsReserved("news", "past"));
        Assert.False(reserved.IsReserved("events", "event.ics")); // after a parameter: {slug}/event.ics takes nothing
    }

    private static Dictionary<string, string> Form(string section, string title, string slug)
    {
        var form = new Dictionary<string, string>
        {
            ["Culture"] = "ru",
            ["Title"] = title,
            ["Slug"] = slug,
            ["Summary"] = "Кратко.",
            ["Body"] = "Текст.",
            ["action"] = "draft",
        };
        if (section == "events")
        {
            form["Fields.Start"] = "2030-06-26T10:00";
            form["Fields.End"] = "2030-06-26T17:00";
            form["Fields.Venue"] = "Зал 2";
            form["Fields.Capacity"] = "20";
        }

        return form;
    }
}
