using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.Campaigns;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using static Coalition.IntegrationTests.Features.Campaigns.CampaignFixtures;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The moderation queue of messages of support.</summary>
public sealed class SupportMessagesControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string Queue = "/admin/support-messages";

    private Task<Campaign> CampaignAsync(string title) =>
        factory.CreateCampaignAsync(title, new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2021, 7, 1, 0, 0, 0, DateTimeKind.Utc));

    private async Task<List<string>> ApprovedOnPageAsync(Campaign campaign)
    {
        using var visitor = factory.CreateBrowser();
        var page = await visitor.GetDocumentAsync($"/en/campaigns/{campaign.Slug}");
        return page.QuerySelectorAll(".message-list .message-text").Select(m => m.TextContent).ToList();
    }

    private Task<List<AuditEntry>> AuditOfAsync(int id) =>
        factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == SupportMessages.EntityType && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Index_ListsWaitingMessagesNewestFirst_WithCampaignAndLanguage()
    {
        var campaign = await CampaignAsync(Unique("Queue campaign"));
        var older = Unique("Older message");
        var newer = Unique("Newer message");
        await factory.AddMessageAsync(campaign, older, createdUtc: factory.UtcNow.AddMinutes(-10));
        await factory.AddMessageAsync(campaign, newer, createdUtc: factory.UtcNow.AddMinutes(-1));
        var approved = Unique("Approved message");
        await factory.AddMessageAsync(campaign, approved, SupportMessageStatus.Approved);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync(Queue);

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var newerAt = rows.FindIndex(r => r.Contains(newer, StringComparison.Ordinal));
        var olderAt = rows.FindIndex(r => r.Contains(older, StringComparison.Ordinal));
        Assert.True(newerAt >= 0 && newerAt < olderAt, "newest first");
        Assert.Contains(campaign.Title, rows[newerAt], StringComparison.Ordinal);
        Assert.Contains("English", rows[newerAt], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains(approved, StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == Queue && a.TextContent.Trim() == "Messages of support");
    }

    [Fact]
    public async Task Approve_TheMessageAppearsOnTheCampaignPage_AndIsAudited()
    {
        var campaign = await CampaignAsync(Unique("Approve campaign"));
        var text = Unique("Hold on, we are with you");
        var id = await factory.AddMessageAsync(campaign, text);
        Assert.DoesNotContain(text, await ApprovedOnPageAsync(campaign));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var queue = await editor.GetDocumentAsync(Queue);
        using var response = await editor.SubmitFormAsync(queue, "/admin/support-messages/bulk", new() { ["ids"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // a bulk post needs a decision
        using var approve = await editor.PostFormAsync(Queue, $"{Queue}/{id}/approve", new() { ["status"] = "waiting" });

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(SupportMessageStatus.Approved, (await factory.MessageAsync(id))!.Status);
        Assert.Contains(text, await ApprovedOnPageAsync(campaign));
        var entry = Assert.Single(await AuditOfAsync(id));
        Assert.Equal(AuditActions.SupportMessageApprove, entry.Action);
        Assert.NotNull(entry.UserId);
        Assert.DoesNotContain(text, entry.Summary ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hide_TakesAnApprovedMessageOffThePage()
    {
        var campaign = await CampaignAsync(Unique("Hide campaign"));
        var text = Unique("Shown, then hidden");
        var id = await factory.AddMessageAsync(campaign, text, SupportMessageStatus.Approved);
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await editor.PostFormAsync($"{Queue}?status=approved", $"{Queue}/{id}/hide", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SupportMessageStatus.Hidden, (await factory.MessageAsync(id))!.Status);
        Assert.DoesNotContain(text, await ApprovedOnPageAsync(campaign));
        Assert.Equal(AuditActions.SupportMessageHide, Assert.Single(await AuditOfAsync(id)).Action);
    }

    [Fact]
    public async Task Bulk_RejectsAndDeletesSeveralAtOnce_EachAudited()
    {
        var campaign = await CampaignAsync(Unique("Bulk campaign"));
        var a = await factory.AddMessageAsync(campaign, Unique("Spam one"));
        var b = await factory.AddMessageAsync(campaign, Unique("Spam two"));
        var c = await factory.AddMessageAsync(campaign, Unique("Spam three"));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        var token = await editor.GetAntiforgeryTokenAsync(Queue);

        using var content = new FormUrlEncodedContent(
        [
            new(BrowserExtensions.AntiforgeryField, token), new("decision", "reject"), new("status", "waiting"),
            new("ids", a.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ids", b.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        using var reject = await editor.PostAsync(new Uri($"{Queue}/bulk", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.Equal(SupportMessageStatus.Rejected, (await factory.MessageAsync(a))!.Status);
        Assert.Equal(SupportMessageStatus.Rejected, (await factory.MessageAsync(b))!.Status);
        Assert.Equal(SupportMessageStatus.Waiting, (await factory.MessageAsync(c))!.Status);

        using var delete = new FormUrlEncodedContent(
        [
            new(BrowserExtensions.AntiforgeryField, token), new("decision", "delete"),
            new("ids", b.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("ids", c.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        using var deleted = await editor.PostAsync(new Uri($"{Queue}/bulk", UriKind.Relative), delete);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await factory.MessageAsync(b));
        Assert.Null(await factory.MessageAsync(c));
        Assert.Equal([AuditActions.SupportMessageReject, AuditActions.SupportMessageDelete], (await AuditOfAsync(b)).Select(e => e.Action));
        Assert.Equal([AuditActions.SupportMessageDelete], (await AuditOfAsync(c)).Select(e => e.Action));
    }

    [Fact]
    public async Task Dashboard_ShowsHowManyMessagesWait()
    {
        var campaign = await CampaignAsync(Unique("Dashboard campaign"));
        await factory.AddMessageAsync(campaign, Unique("Waiting"));
        var waiting = await factory.QueryDbAsync(db => db.SupportMessages.CountAsync(m => m.Status == SupportMessageStatus.Waiting));
        using var editor = await factory.SignedInClientAsync(Roles.Editor);

        var dashboard = await editor.GetDocumentAsync("/admin");

        var link = dashboard.QuerySelectorAll($"main a[href='{Queue}']").Single();
        Assert.Equal($"Messages waiting for moderation: {waiting}", link.TextContent.Trim());
    }

    [Fact]
    public async Task Anonymous_CannotOpenOrDecide()
    {
        var campaign = await CampaignAsync(Unique("Anonymous campaign"));
        var id = await factory.AddMessageAsync(campaign, Unique("Not yours"));
        using var anonymous = factory.CreateBrowser();

        using var list = await anonymous.GetAsync(new Uri(Queue, UriKind.Relative));
        using var decide = await anonymous.PostWithoutTokenAsync($"{Queue}/{id}/approve", []);

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/account/login", list.RedirectPath());
        Assert.True(decide.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"anonymous POST answered {(int)decide.StatusCode}");
        Assert.Equal(SupportMessageStatus.Waiting, (await factory.MessageAsync(id))!.Status);
    }
}

/// <summary>The purge of rejected messages moves the shared clock a month on: its own factory.</summary>
public sealed class RejectedMessageRetentionTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task PurgeOnce_DeletesRejectedMessagesOlderThanTheRetention_KeepsTheRest()
    {
        var campaign = await factory.CreateCampaignAsync(Unique("Retention campaign"), new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2021, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        var old = await factory.AddMessageAsync(campaign, "Rejected long ago", SupportMessageStatus.Rejected);
        var waiting = await factory.AddMessageAsync(campaign, "Still waiting");
        var approved = await factory.AddMessageAsync(campaign, "Approved long ago", SupportMessageStatus.Approved);
        var service = factory.Service<RejectedMessageRetentionService>();

        // The hourly job itself also runs as the clock moves; the state is what counts.
        factory.Clock.Advance(TimeSpan.FromDays(29));
        await service.PurgeOnceAsync();
        Assert.NotNull(await factory.MessageAsync(old));
        var recent = await factory.AddMessageAsync(campaign, "Rejected just now", SupportMessageStatus.Rejected);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await service.PurgeOnceAsync();

        Assert.Null(await factory.MessageAsync(old));
        Assert.NotNull(await factory.MessageAsync(recent));
        Assert.NotNull(await factory.MessageAsync(waiting));
        Assert.NotNull(await factory.MessageAsync(approved));
        var entry = await factory.QueryDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.SupportMessagePurge));
        Assert.Equal("retention", entry.UserName);
    }
}
