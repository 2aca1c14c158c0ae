using Coalition.Data.Entities;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Coalition.UnitTests.Features.Publishing;

public sealed class ContentWorkflowTests : IDisposable
{
    private readonly WorkflowFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ContentInput Input(string title, string body = "Body text", int version = 0, DateTime? publishAt = null, DateTime? unpublishAt = null, string culture = "en", string? slug = null) =>
        new(culture, title, slug, "Summary", body, version, publishAt, unpublishAt);

    private async Task<int> CreateAsync(string title, SaveAction action, DateTime? publishAt = null, DateTime? unpublishAt = null)
    {
        using var s = _f.NewScope();
        var result = await s.News.CreateAsync(Input(title, publishAt: publishAt, unpublishAt: unpublishAt), action, "u1");
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        return result.Id;
    }

    private async Task<bool> IsPublicAsync(string slug)
    {
        using var s = _f.NewScope(null);
        var inList = (await s.Queries.ListPublicAsync<NewsArticle>("en", 1, 10)).Items.Any(i => i.Slug == slug);
        var byUrl = (await s.Queries.FindPublicAsync<NewsArticle>("en", slug)).Item is not null;
        Assert.Equal(inList, byUrl); // the list and the URL never disagree
        return byUrl;
    }

    private async Task<NewsArticle> LoadAsync(int id)
    {
        using var s = _f.NewScope();
        return await s.Db.News.AsNoTracking().SingleAsync(x => x.Id == id);
    }

    [Fact]
    public async Task Draft_IsNeverPublic()
    {
        await CreateAsync("Quiet draft", SaveAction.Draft);
        Assert.False(await IsPublicAsync("quiet-draft"));
        _f.Clock.Advance(TimeSpan.FromDays(365));
        Assert.False(await IsPublicAsync("quiet-draft"));
    }

    [Fact]
    public async Task Schedule_GoesPublicExactlyOnTime_NotASecondBefore()
    {
        var at = _f.Now.AddHours(3);
        await CreateAsync("Campaign launch", SaveAction.Schedule, publishAt: at);

        _f.Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        Assert.False(await IsPublicAsync("campaign-launch"));

        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await IsPublicAsync("campaign-launch"));
    }

    [Fact]
    public async Task UnpublishAt_TakesItemOffSite_AtThatMoment()
    {
        var until = _f.Now.AddDays(2);
        await CreateAsync("Expiring page", SaveAction.Publish, unpublishAt: until);
        Assert.True(await IsPublicAsync("expiring-page"));

        _f.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.True(await IsPublicAsync("expiring-page"));

        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await IsPublicAsync("expiring-page"));
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefused()
    {
        using var s = _f.NewScope();
        var result = await s.News.CreateAsync(Input("Too late", publishAt: _f.Now.AddMinutes(-1)), SaveAction.Schedule, "u1");
        Assert.Equal(SaveOutcome.ScheduleInPast, result.Outcome);
        Assert.False(await s.Db.News.AnyAsync());
    }

    [Fact]
    public async Task UnpublishAt_BeforePublishAt_IsRefused()
    {
        using var s = _f.NewScope();
        var result = await s.News.CreateAsync(Input("Backwards", publishAt: _f.Now.AddDays(2), unpublishAt: _f.Now.AddDays(1)), SaveAction.Schedule, "u1");
        Assert.Equal(SaveOutcome.UnpublishBeforePublish, result.Outcome);
    }

    [Fact]
    public async Task DraftOfLiveItem_PublicKeepsPublishedVersion_UntilPublished()
    {
        var id = await CreateAsync("Live story", SaveAction.Publish);
        var version = (await LoadAsync(id)).Version;

        using (var s = _f.NewScope())
        {
            var saved = await s.News.UpdateAsync(id, Input("Live story", body: "Edited, not yet public", version: version, slug: "live-story"), SaveAction.Draft, "u1");
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        }

        using (var s = _f.NewScope(null))
        {
            var live = (await s.Queries.FindPublicAsync<NewsArticle>("en", "live-story")).Item!;
            Assert.Equal("Body text", live.BodyMarkdown);
            Assert.DoesNotContain("Edited", live.BodyHtml, StringComparison.Ordinal);
        }

        using (var s = _f.NewScope())
        {
            var item = await s.News.FindAsync(id);
            Assert.Equal("Edited, not yet public", (await s.News.WorkingCopyAsync(item!)).Body);
            Assert.Equal(SaveOutcome.Saved, (await s.News.SetPublishedAsync(id, true, "u1")).Outcome);
        }

        using (var s = _f.NewScope(null))
        {
            var live = (await s.Queries.FindPublicAsync<NewsArticle>("en", "live-story")).Item!;
            Assert.Contains("Edited, not yet public", live.BodyHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublicPages_DoNotDependOnRevisionHistory()
    {
        var id = await CreateAsync("Standalone", SaveAction.Publish);
        using (var s = _f.NewScope())
        {
            Assert.True(await s.Db.Revisions.AnyAsync(r => r.ItemId == id));
            await s.Db.Revisions.ExecuteDeleteAsync();
        }

        Assert.True(await IsPublicAsync("standalone"));
    }

    [Fact]
    public async Task ShareLink_OpensUntilExpiry_AndNotAfterRevocation()
    {
        var id = await CreateAsync("Shared draft", SaveAction.Draft);
        string token;
        using (var s = _f.NewScope())
        {
            token = await s.ShareLinks.CreateAsync(ContentEditor<NewsArticle>.ContentType, id, days: 2);
            Assert.True(token.Length >= 40);
            Assert.False(await s.Db.ShareLinks.AnyAsync(l => l.TokenHash == token)); // only the hash is stored
        }

        using (var s = _f.NewScope(null))
        {
            Assert.Equal(id, (await s.ShareLinks.ResolveAsync(token))?.ItemId);
            Assert.Null(await s.ShareLinks.ResolveAsync(token + "x"));
        }

        _f.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        using (var s = _f.NewScope(null))
        {
            Assert.NotNull(await s.ShareLinks.ResolveAsync(token));
        }

        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var s = _f.NewScope(null))
        {
            Assert.Null(await s.ShareLinks.ResolveAsync(token));
        }
    }

    [Fact]
    public async Task ShareLink_Revoked_NoLongerOpens()
    {
        var id = await CreateAsync("Revocable", SaveAction.Draft);
        using var s = _f.NewScope();
        var token = await s.ShareLinks.CreateAsync(ContentEditor<NewsArticle>.ContentType, id, days: 7);
        var link = await s.Db.ShareLinks.SingleAsync();
        Assert.True(await s.ShareLinks.RevokeAsync(ContentEditor<NewsArticle>.ContentType, id, link.Id));
        Assert.Null(await s.ShareLinks.ResolveAsync(token));
        Assert.True(await s.Db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ShareLinkRevoke));
    }

    [Fact]
    public async Task RestoreRevision_CreatesNewRevision_AndOverwritesNothing()
    {
        var id = await CreateAsync("Versioned", SaveAction.Draft);
        for (var i = 2; i <= 3; i++)
        {
            using var s = _f.NewScope();
            var v = (await s.News.FindAsync(id))!.Version;
            Assert.Equal(SaveOutcome.Saved, (await s.News.UpdateAsync(id, Input("Versioned", body: $"Body {i}", version: v, slug: "versioned"), SaveAction.Draft, "u1")).Outcome);
            _f.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        using (var s = _f.NewScope())
        {
            Assert.Equal(SaveOutcome.Saved, (await s.News.RestoreRevisionAsync(id, 1, "u1")).Outcome);
        }

        using (var s = _f.NewScope())
        {
            var history = await s.Revisions.ListAsync(ContentEditor<NewsArticle>.ContentType, id);
            Assert.Equal([4, 3, 2, 1], history.Select(r => r.Number));
            Assert.Equal(RevisionKinds.Restore, history[0].Kind);
            Assert.Equal(1, history[0].RestoredFrom);
            Assert.Equal("Body text", history[0].BodyMarkdown);
            Assert.Equal("Body 3", history[1].BodyMarkdown); // the revision that was current is still there
            Assert.Equal("Body text", (await s.News.FindAsync(id))!.BodyMarkdown);
        }
    }

    [Fact]
    public async Task Trash_RoundTrip_KeepsTranslationLinks()
    {
        var id = await CreateAsync("Trashed story", SaveAction.Publish);
        int ruId;
        using (var s = _f.NewScope())
        {
            ruId = (await s.News.CreateTranslationAsync(id, "ru", "u1")).Id;
            Assert.True(await s.News.TrashAsync(id));
        }

        Assert.False(await IsPublicAsync("trashed-story"));
        using (var s = _f.NewScope())
        {
            Assert.DoesNotContain((await s.AdminQueries.ListAsync<NewsArticle>(null, 1, 50)).Items, r => r.Id == id);
            Assert.Contains(await s.AdminQueries.TrashAsync<NewsArticle>(), r => r.Id == id);
            Assert.NotNull(await s.News.FindAsync(ruId)); // the translation stays
            Assert.True(await s.News.RestoreFromTrashAsync(id));
        }

        Assert.True(await IsPublicAsync("trashed-story"));
        var restored = await LoadAsync(id);
        var translation = await LoadAsync(ruId);
        Assert.Equal(restored.TranslationGroupId, translation.TranslationGroupId);
    }

    [Fact]
    public async Task PurgeExpired_RemovesOnlyItemsPastRetention()
    {
        var old = await CreateAsync("Old rubbish", SaveAction.Draft);
        using (var s = _f.NewScope())
        {
            await s.News.TrashAsync(old);
        }

        _f.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await CreateAsync("Recent rubbish", SaveAction.Draft);
        using (var s = _f.NewScope())
        {
            await s.News.TrashAsync(recent);
        }

        _f.Clock.Advance(TimeSpan.FromDays(11));
        using (var s = _f.NewScope())
        {
            Assert.Equal(1, await s.News.PurgeExpiredAsync(TimeSpan.FromDays(30)));
            Assert.Null(await s.News.FindAsync(old));
            Assert.NotNull(await s.News.FindAsync(recent));
            Assert.False(await s.Db.Revisions.AnyAsync(r => r.ItemId == old));
            Assert.True(await s.Db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Purge && e.EntityId == old.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task TwoEditors_SecondSaveGetsConflict_AndNothingStoredIsLost()
    {
        var id = await CreateAsync("Contested", SaveAction.Draft);
        var loaded = (await LoadAsync(id)).Version; // both editors open the form at this version

        using (var first = _f.NewScope("first@example.org"))
        {
            var r = await first.News.UpdateAsync(id, Input("Contested", body: "First editor's text", version: loaded, slug: "contested"), SaveAction.Draft, "u1");
            Assert.Equal(SaveOutcome.Saved, r.Outcome);
        }

        using (var second = _f.NewScope("second@example.org"))
        {
            var r = await second.News.UpdateAsync(id, Input("Contested", body: "Second editor's text", version: loaded, slug: "contested"), SaveAction.Draft, "u2");
            Assert.Equal(SaveOutcome.Conflict, r.Outcome);
        }

        using var check = _f.NewScope();
        Assert.Equal("First editor's text", (await check.News.FindAsync(id))!.BodyMarkdown);
        var history = await check.Revisions.ListAsync(ContentEditor<NewsArticle>.ContentType, id);
        Assert.DoesNotContain(history, r => r.BodyMarkdown == "Second editor's text");
        Assert.Contains(history, r => r.BodyMarkdown == "First editor's text");
    }

    [Fact]
    public async Task Actions_WriteAuditEntries()
    {
        var id = await CreateAsync("Audited", SaveAction.Draft);
        using (var s = _f.NewScope())
        {
            var v = (await s.News.FindAsync(id))!.Version;
            await s.News.UpdateAsync(id, Input("Audited", body: "x", version: v, publishAt: _f.Now.AddDays(1), slug: "audited"), SaveAction.Schedule, "u1");
            await s.News.SetPublishedAsync(id, false, "u1");
            await s.News.SetPublishedAsync(id, true, "u1");
            await s.ShareLinks.CreateAsync(ContentEditor<NewsArticle>.ContentType, id, 1);
            await s.News.TrashAsync(id);
            await s.News.RestoreFromTrashAsync(id);
            await s.News.TrashAsync(id);
            await s.News.PurgeAsync(id);
        }

        using var check = _f.NewScope();
        var actions = await check.Db.AuditEntries.Where(e => e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync();
        foreach (var expected in new[] { AuditActions.Create, AuditActions.Edit, AuditActions.Schedule, AuditActions.Unpublish, AuditActions.Publish, AuditActions.ShareLinkCreate, AuditActions.Delete, AuditActions.Restore, AuditActions.Purge })
        {
            Assert.Contains(expected, actions);
        }

        Assert.All(await check.Db.AuditEntries.Where(e => e.Action == AuditActions.Create).ToListAsync(), e => Assert.Equal("editor@example.org", e.UserName));
    }
}
