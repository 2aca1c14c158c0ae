using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Features.LegalAid;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.LegalAid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Areas.Admin.Controllers;

/// <summary>The Legal Aid inbox: who reaches it, unlocking with the passphrase, reading, notes, audit, locking.</summary>
public sealed class LegalAidInboxControllerTests(LegalAidAppFactory app) : IClassFixture<LegalAidAppFactory>
{
    private static readonly Guid SomeRequest = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public async Task EveryInboxUrl_IsRefused_ToAnonymousVisitors_Editors_AndAdministrators_WithoutThePermission()
    {
        await app.EnsureKeyAsync();
        var endpoints = app.Endpoints().Where(e => e.Pattern.StartsWith("/admin/legal-aid", StringComparison.Ordinal)).ToList();
        Assert.True(endpoints.Count >= 10, $"only {endpoints.Count} inbox endpoints found");

        using var anonymous = app.CreateBrowser();
        using var editor = await app.SignedInClientAsync(Roles.Editor);
        using var administrator = await app.SignedInClientAsync(Roles.Administrator);
        foreach (var (method, pattern, _) in endpoints)
        {
            var url = pattern.Replace("{id:guid}", SomeRequest.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("{", url, StringComparison.Ordinal);
            foreach (var (who, browser) in new[] { ("anonymous", anonymous), ("Editor", editor), ("Administrator", administrator) })
            {
                // No antiforgery token: the permission is checked before anything else, so the answer is the refusal.
                using var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Passphrase"] = LegalAidAppFactory.Passphrase });
                }

                using var response = await browser.SendAsync(request);
                LegalAidAppFactory.AssertRefused(response, $"{who}: {method} {url}");
            }
        }

        // The admin menu shows the inbox to holders only.
        var adminHome = await administrator.GetDocumentAsync("/admin");
        Assert.Null(adminHome.QuerySelector("a[href='/admin/legal-aid']"));
    }

    [Fact]
    public async Task Administrator_GrantedThePermission_WithoutThePassphrase_ReadsNothing()
    {
        await app.EnsureKeyAsync();
        var marker = Guid.NewGuid().ToString("N");
        using (var visitor = app.CreateBrowser())
        {
            using var sent = await app.SubmitRequestAsync(visitor, "en", new() { ["Form.WhatHappened"] = "Secret " + marker });
        }

        var id = (await app.RequestsAsync()).Single(r => r.FirstOpenedUtc is null && !Known.Contains(r.Id)).Id;
        Known.Add(id);

        // An Administrator grants the permission to themselves, through the accounts page.
        var admin = await app.CreateStaffAsync(Roles.Administrator);
        using var browser = await app.SignedInClientAsync(admin);
        using var granted = await browser.SubmitFormAsync($"/admin/accounts/{admin.Id}", $"/admin/accounts/{admin.Id}/legal-aid");
        Assert.Equal($"/admin/accounts/{admin.Id}", granted.RedirectPath());
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PermissionChange && e.EntityId == admin.Id)));

        // The grant changed the stamp: a fresh sign-in carries the role.
        using var member = await app.SignedInClientAsync(admin);
        var inbox = await member.GetDocumentAsync("/admin/legal-aid");
        Assert.NotNull(inbox.QuerySelector("form[action='/admin/legal-aid/unlock']"));
        Assert.NotNull(inbox.QuerySelector(".main-nav a[href='/admin/legal-aid']"));
        Assert.DoesNotContain(marker, inbox.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var show = await member.GetAsync($"/admin/legal-aid/{id}");
        Assert.Equal("/admin/legal-aid", show.RedirectPath());
        Assert.DoesNotContain(marker, await show.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrong = await member.SubmitFormAsync(inbox, "/admin/legal-aid/unlock", new() { ["Passphrase"] = "administrator's best guess" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.ParseAsync();
        Assert.Contains("The passphrase is not correct.", wrongPage.Text(".form-errors"), StringComparison.Ordinal);
        Assert.Equal("", wrongPage.QuerySelector("input[name=Passphrase]")!.GetAttribute("value"));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.LegalAidUnlockFailed && e.UserId == admin.Id)));
        using var stillLocked = await member.GetAsync($"/admin/legal-aid/{id}");
        Assert.Equal("/admin/legal-aid", stillLocked.RedirectPath());
        Assert.Null(await app.QueryDbAsync(db => db.LegalAidRequests.Where(r => r.Id == id).Select(r => r.FirstOpenedUtc).SingleAsync()));
    }

    [Fact]
    public async Task Member_WithThePassphrase_Lists_Opens_Notes_Assigns_AndCloses_AndEveryOpeningIsAudited()
    {
        await app.EnsureKeyAsync();
        var marker = Guid.NewGuid().ToString("N");
        using (var visitor = app.CreateBrowser())
        {
            using var sent = await app.SubmitRequestAsync(visitor, "tg", new()
            {
                ["Form.WhatHappened"] = "Ӯро дар шӯъба заданд " + marker,
                ["Form.Contact"] = "WhatsApp " + marker,
                ["Form.Urgent"] = "true",
                ["Form.Region"] = "khatlon",
            });
        }

        var id = (await app.RequestsAsync()).Single(r => r.FirstOpenedUtc is null && !Known.Contains(r.Id)).Id;
        Known.Add(id);
        var memberAccount = await app.CreateLegalAidMemberAsync();
        using var member = await app.SignedInClientAsync(memberAccount);
        using (var unlocked = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase }))
        {
            Assert.Equal("/admin/legal-aid", unlocked.RedirectPath());
        }

        var list = await member.GetDocumentAsync("/admin/legal-aid");
        var row = list.QuerySelector($"a[href='/admin/legal-aid/{id}']")!.Closest("tr")!;
        Assert.Contains("Urgent", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not opened yet", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Khatlon region", row.TextContent, StringComparison.Ordinal);

        using var shown = await member.GetAsync($"/admin/legal-aid/{id}");
        Assert.Equal("no-store", shown.Headers.CacheControl?.ToString());
        var page = await shown.ParseAsync();
        Assert.Contains("Ӯро дар шӯъба заданд " + marker, page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("WhatsApp " + marker, page.Text("main"), StringComparison.Ordinal);
        var opening = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.LegalAidOpen && e.EntityId == id.ToString()));
        Assert.Equal(memberAccount.Id, opening.UserId);
        Assert.Equal(app.UtcNow, opening.OccurredUtc);
        Assert.Null(opening.Summary);
        Assert.NotNull(await app.QueryDbAsync(db => db.LegalAidRequests.Where(r => r.Id == id).Select(r => r.FirstOpenedUtc).SingleAsync()));

        // A note: sealed like the request, readable on the page.
        var note = "Called the mother " + marker;
        using (var added = await member.SubmitFormAsync(page, $"/admin/legal-aid/{id}/notes", new() { ["Note.Text"] = note }))
        {
            Assert.Equal($"/admin/legal-aid/{id}", added.RedirectPath());
        }

        await app.ExecuteDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);"));
        Assert.False(LegalAidAppFactory.Contains(app.RawDatabaseBytes(), "Called the mother"), "the note is in the database file");
        page = await member.GetDocumentAsync($"/admin/legal-aid/{id}");
        Assert.Contains(note, page.Text("main ol"), StringComparison.Ordinal);

        // Assign to oneself, then close.
        using (var assigned = await member.SubmitFormAsync(page, $"/admin/legal-aid/{id}/assign", new() { ["assignee"] = memberAccount.Id }))
        {
            Assert.Equal($"/admin/legal-aid/{id}", assigned.RedirectPath());
        }

        using (var closed = await member.SubmitFormAsync(page, $"/admin/legal-aid/{id}/status", new() { ["status"] = nameof(LegalAidStatus.Closed) }))
        {
            Assert.Equal($"/admin/legal-aid/{id}", closed.RedirectPath());
        }

        var stored = await app.QueryDbAsync(db => db.LegalAidRequests.SingleAsync(r => r.Id == id));
        Assert.Equal(LegalAidStatus.Closed, stored.Status);
        Assert.Equal(app.UtcNow, stored.ClosedUtc);
        Assert.Equal(memberAccount.Id, stored.AssignedToUserId);
        Assert.Null((await member.GetDocumentAsync("/admin/legal-aid")).QuerySelector($"a[href='/admin/legal-aid/{id}']"));
        Assert.NotNull((await member.GetDocumentAsync("/admin/legal-aid?closed=true")).QuerySelector($"a[href='/admin/legal-aid/{id}']"));

        // Each opening is one audit entry; none holds the content.
        var entries = await app.QueryDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).ToListAsync());
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.LegalAidOpen));
        Assert.All(entries, e => Assert.DoesNotContain(marker, e.Summary ?? "", StringComparison.Ordinal));

        // Assigning to someone outside the Group is refused.
        using var outsider = await member.SubmitFormAsync(page, $"/admin/legal-aid/{id}/assign", new() { ["assignee"] = (await app.CreateStaffAsync(Roles.Editor)).Id });
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
    }

    [Fact]
    public async Task Dashboard_OfAMember_CountsUnopenedRequests_WithoutContent_AndEditorsSeeNoPanel()
    {
        await app.EnsureKeyAsync();
        var marker = Guid.NewGuid().ToString("N");
        using (var visitor = app.CreateBrowser())
        {
            using var sent = await app.SubmitRequestAsync(visitor, "en", new() { ["Form.WhatHappened"] = marker });
        }

        Known.UnionWith((await app.RequestsAsync()).Select(r => r.Id));
        using var member = await app.SignedInClientAsync(await app.CreateLegalAidMemberAsync());
        var dashboard = await member.GetDocumentAsync("/admin");
        var link = dashboard.QuerySelector("main a[href='/admin/legal-aid']");
        Assert.NotNull(link);
        Assert.StartsWith("Requests not opened yet: ", link!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, dashboard.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var editor = await app.SignedInClientAsync(Roles.Editor);
        Assert.Null((await editor.GetDocumentAsync("/admin")).QuerySelector("a[href='/admin/legal-aid']"));
    }

    [Fact]
    public async Task Member_WithoutTwoStepSignIn_IsSentToSetItUp_EvenWhereEditorsMayGoWithout()
    {
        await app.EnsureKeyAsync();
        var editor = await app.CreateStaffAsync(Roles.Editor, twoFactor: false);
        await app.QueryAsync(services => services.GetRequiredService<StaffAccounts>().SetPermissionAsync(editor.Id, Roles.LegalAid, granted: true));
        using var browser = await app.SignedInClientAsync(editor);

        using var inbox = await browser.GetAsync("/admin/legal-aid");

        Assert.Equal(Coalition.Web.Features.Accounts.TwoFactorEnrolmentFilter.EnrolmentPath, inbox.RedirectPath());
    }

    [Fact]
    public async Task Note_TooLong_ShowsTheMessage_AndKeepsTheText()
    {
        await app.EnsureKeyAsync();
        using (var visitor = app.CreateBrowser())
        {
            using var sent = await app.SubmitRequestAsync(visitor);
        }

        var id = (await app.RequestsAsync()).Single(r => r.FirstOpenedUtc is null && !Known.Contains(r.Id)).Id;
        Known.Add(id);
        using var member = await app.UnlockedMemberAsync();
        var tooLong = new string('x', LegalAidInbox.NoteMaxLength + 1);
        using var response = await member.SubmitFormAsync($"/admin/legal-aid/{id}", $"/admin/legal-aid/{id}/notes", new() { ["Note.Text"] = tooLong });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("at most 5000 characters", page.Text(".form-errors"), StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector("textarea[name='Note.Text']")!.TextContent);
        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidNotes.CountAsync(n => n.RequestId == id)));
    }

    [Fact]
    public async Task Unlock_EndsAtSignOut_AtLock_AndAfterItsTime()
    {
        await app.EnsureKeyAsync();
        using (var visitor = app.CreateBrowser())
        {
            using var sent = await app.SubmitRequestAsync(visitor);
        }

        var id = (await app.RequestsAsync()).Single(r => r.FirstOpenedUtc is null && !Known.Contains(r.Id)).Id;
        Known.Add(id);
        var vault = app.Service<LegalAidVault>();
        var account = await app.CreateLegalAidMemberAsync();

        // Sign-out: the keys leave memory, and a copy of the unlock cookie opens nothing.
        using (var member = await app.SignedInClientAsync(account))
        {
            using var unlocked = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase });
            using var readable = await member.GetAsync($"/admin/legal-aid/{id}");
            Assert.Equal(HttpStatusCode.OK, readable.StatusCode);
            var unlockCookie = member.Cookies.GetAllCookies().Single(c => c.Name == LegalAidUnlock.CookieName);
            var before = vault.Count;
            using var signedOut = await member.SubmitFormAsync("/admin/legal-aid", "/account/logout");
            Assert.Equal(before - 1, vault.Count);

            using var again = await app.SignedInClientAsync(account);
            again.Cookies.Add(unlockCookie);
            using var locked = await again.GetAsync($"/admin/legal-aid/{id}");
            Assert.Equal("/admin/legal-aid", locked.RedirectPath());
        }

        // "Lock the inbox".
        using (var member = await app.UnlockedMemberAsync())
        {
            using var locking = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/lock");
            using var locked = await member.GetAsync($"/admin/legal-aid/{id}");
            Assert.Equal("/admin/legal-aid", locked.RedirectPath());
        }

        // LegalAid:UnlockMinutes (10 here): still open just before, locked after.
        using (var member = await app.UnlockedMemberAsync())
        {
            app.Clock.Advance(TimeSpan.FromMinutes(9));
            using var open = await member.GetAsync($"/admin/legal-aid/{id}");
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            using var locked = await member.GetAsync($"/admin/legal-aid/{id}");
            Assert.Equal("/admin/legal-aid", locked.RedirectPath());
        }
    }

    [Fact]
    public async Task Unlock_EndsWhenThePermissionIsRevoked_OrTheSessionsAreEnded()
    {
        await app.EnsureKeyAsync();
        var account = await app.CreateLegalAidMemberAsync();
        using var member = await app.SignedInClientAsync(account);
        using var unlocked = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase });
        var vault = app.Service<LegalAidVault>();
        var before = vault.Count;

        await app.QueryAsync(services => services.GetRequiredService<StaffAccounts>().SetPermissionAsync(account.Id, Roles.LegalAid, granted: false));

        // The keys leave memory at once; within the security-stamp interval the session loses the role.
        Assert.Equal(before - 1, vault.Count);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var refused = await member.GetAsync("/admin/legal-aid");
        LegalAidAppFactory.AssertRefused(refused, "a revoked member");

        // "Sign out everywhere" drops them too.
        var otherAccount = await app.CreateLegalAidMemberAsync();
        using var other = await app.SignedInClientAsync(otherAccount);
        using var otherUnlocked = await other.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase });
        before = vault.Count;
        Assert.Equal(AccountChange.Done, await app.QueryAsync(services => services.GetRequiredService<StaffAccounts>().SignOutEverywhereAsync(otherAccount.Id)));
        Assert.Equal(before - 1, vault.Count);
    }

    private static readonly HashSet<Guid> Known = [];
}
