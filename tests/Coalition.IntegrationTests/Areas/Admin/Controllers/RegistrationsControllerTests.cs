using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Events;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The registrations admin: only with the ViewRegistrations permission; lists, CSV, moves, capacity, messages, audit without names.</summary>
public sealed partial class RegistrationsControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private async Task<Browser> WithPermissionAsync()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(staff.Id))!, Roles.ViewRegistrations);
        return await factory.SignedInClientAsync(staff);
    }

    private List<(string Method, string Path)> RegistrationEndpoints() =>
        factory.Endpoints()
            .Where(e => e.Pattern.StartsWith("/admin/registrations", StringComparison.Ordinal))
            .Select(e => (e.Method == "*" ? "GET" : e.Method, RouteParameter().Replace(e.Pattern, "1")))
            .Distinct()
            .ToList();

    [Fact]
    public async Task EveryRegistrationUrl_WithoutThePermission_IsRefused()
    {
        var endpoints = RegistrationEndpoints();
        Assert.Contains(("GET", "/admin/registrations/1"), endpoints);
        Assert.Contains(("GET", "/admin/registrations/1/export.csv"), endpoints);
        Assert.True(endpoints.Count >= 7, string.Join(", ", endpoints));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var administrator = await factory.SignedInClientAsync(Roles.Administrator);
        using var anonymous = factory.CreateBrowser();
        var token = await editor.GetAntiforgeryTokenAsync("/admin/news/create");
        var adminToken = await administrator.GetAntiforgeryTokenAsync("/admin/news/create");

        foreach (var (method, path) in endpoints)
        {
            foreach (var (client, formToken) in new[] { (editor, token), (administrator, adminToken), (anonymous, "") })
            {
                using var response = method == "GET"
                    ? await client.GetAsync(new Uri(path, UriKind.Relative))
                    : await client.PostWithoutTokenAsync(path, new() { [BrowserExtensions.AntiforgeryField] = formToken, ["to"] = "Cancelled", ["capacity"] = "5", ["attended"] = "true" });
                var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost"), l).AbsolutePath : ""; // redirects are relative (issue 19)
                Assert.True(
                    response.StatusCode == HttpStatusCode.Forbidden || location.StartsWith("/account/access-denied", StringComparison.Ordinal) || location.StartsWith("/account/login", StringComparison.Ordinal),
                    $"{method} {path} answered {(int)response.StatusCode} {location}");
            }
        }
    }

    [Fact]
    public async Task Menu_ShowsRegistrationsOnlyWithThePermission()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var allowed = await WithPermissionAsync();

        Assert.DoesNotContain("href=\"/admin/registrations\"", await editor.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/registrations\"", await allowed.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_ListsWithCountsAndIsAuditedWithoutNames()
    {
        var (id, slug, _) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("en");
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail(), "Zarina Confirmed")).Dispose();
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail(), "Farrukh Waiting")).Dispose();
        using var staff = await WithPermissionAsync();

        var page = await staff.GetDocumentAsync($"/admin/registrations/{id}");

        Assert.Contains("Zarina Confirmed", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Farrukh Waiting", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting list (1)", page.Body.TextContent, StringComparison.Ordinal);
        var entries = await factory.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Event" && e.EntityId == id.ToString()).ToListAsync());
        var view = Assert.Single(entries, e => e.Action == AuditActions.RegistrationsView);
        Assert.Equal("2 registrations viewed", view.Summary);
        Assert.DoesNotContain(entries, e => (e.Summary ?? "").Contains("Zarina", StringComparison.Ordinal) || (e.Summary ?? "").Contains("@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_CsvWithBomCyrillicAndEveryList_AuditedAsCount()
    {
        var (id, slug, _) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("ru");
        var email = EventFixtures.NewEmail();
        (await visitor.RegisterAsync("en", slug, email, "Зарина Иванова")).Dispose();
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail(), "=HYPERLINK(\"x\")")).Dispose();
        using var staff = await WithPermissionAsync();

        using var response = await staff.GetAsync(new Uri($"/admin/registrations/{id}/export.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Status,Name,E-mail,Phone,Organisation", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"Confirmed,Зарина Иванова,{email},", lines[1], StringComparison.Ordinal);
        Assert.Contains("Example NGO", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Waiting,", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", lines[2], StringComparison.Ordinal);
        var audit = await factory.QueryDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.RegistrationsExport && e.EntityId == id.ToString()));
        Assert.Equal("2 registrations exported", audit.Summary);
    }

    [Fact]
    public async Task RaiseCapacity_PromotesTheWaitingAtOnceAndMailsThem()
    {
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("en");
        var waiting = EventFixtures.NewEmail();
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await visitor.RegisterAsync("en", slug, waiting)).Dispose();
        using var staff = await WithPermissionAsync();

        using var response = await staff.PostFormAsync($"/admin/registrations/{id}", $"/admin/registrations/{id}/capacity", new() { ["capacity"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await factory.QueryDbAsync(db => db.EventRegistrations.CountAsync(r => r.EventGroupId == group && r.Status == RegistrationStatus.Waiting)));
        Assert.Equal(3, await factory.QueryDbAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Capacity).SingleAsync()));
        await factory.WaitForSubjectAsync(waiting, "A place is free");
    }

    [Fact]
    public async Task MoveAndAttendance_ChangeTheListsAndPromote()
    {
        var (id, slug, group) = await factory.CreateEventAsync(capacity: 1);
        using var visitor = factory.CreateBrowser("en");
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        (await visitor.RegisterAsync("en", slug, EventFixtures.NewEmail())).Dispose();
        var rows = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).Select(r => r.Id).ToListAsync());
        using var staff = await WithPermissionAsync();

        (await staff.PostFormAsync($"/admin/registrations/{id}", $"/admin/registrations/{id}/{rows[0]}/attendance", new() { ["attended"] = "true" })).Dispose();
        (await staff.PostFormAsync($"/admin/registrations/{id}", $"/admin/registrations/{id}/{rows[0]}/move", new() { ["to"] = "Cancelled" })).Dispose();

        var stored = await factory.QueryDbAsync(db => db.EventRegistrations.Where(r => r.EventGroupId == group).OrderBy(r => r.Sequence).ToListAsync());
        Assert.True(stored[0].Attended);
        Assert.Equal(RegistrationStatus.Cancelled, stored[0].Status);
        Assert.Equal(RegistrationStatus.Confirmed, stored[1].Status);

        // A registration of another event through this event's address: not found.
        var (other, _, _) = await factory.CreateEventAsync();
        using var wrong = await staff.PostFormAsync($"/admin/registrations/{id}", $"/admin/registrations/{other}/{rows[1]}/move", new() { ["to"] = "Cancelled" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task Message_OneMailToEachConfirmed_NoOtherAddressVisible()
    {
        var (id, slug, _) = await factory.CreateEventAsync(capacity: 2);
        using var visitor = factory.CreateBrowser("en");
        var (a, b, waiting) = (EventFixtures.NewEmail(), EventFixtures.NewEmail(), EventFixtures.NewEmail());
        foreach (var email in new[] { a, b, waiting })
        {
            (await visitor.RegisterAsync("en", slug, email)).Dispose();
        }

        using var staff = await WithPermissionAsync();
        using var response = await staff.PostFormAsync($"/admin/registrations/{id}", $"/admin/registrations/{id}/message", new() { ["Message.Subject"] = "Room change", ["Message.Body"] = "We meet in room 5." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        for (var i = 0; i < 50 && factory.ReceivedMail.Count(m => m.Subject == "Room change") < 2; i++)
        {
            await Task.Delay(100);
        }

        var sent = factory.ReceivedMail.Where(m => m.Subject == "Room change").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Single(m.ToAddresses));
        Assert.DoesNotContain(sent, m => m.ToAddresses.Any(x => x.Address == waiting));
        Assert.Contains(sent, m => m.ToAddresses[0].Address == a && !m.Data.Contains(b, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
