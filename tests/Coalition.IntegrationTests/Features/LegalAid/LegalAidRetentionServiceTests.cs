using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.LegalAid;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Features.LegalAid;

/// <summary>Retention with the app's injected clock: closed requests after 180 days, unopened ones after a year.</summary>
public sealed class LegalAidRetentionServiceTests(LegalAidAppFactory app) : IClassFixture<LegalAidAppFactory>
{
    [Fact]
    public async Task PurgeOnce_DeletesClosedAfter180Days_AndUnopenedAfterAYear_WithTheirNotes_AndKeepsTheRest()
    {
        await app.EnsureKeyAsync();
        var keyId = await app.QueryDbAsync(db => db.LegalAidKeys.Select(k => k.Id).SingleAsync());
        var now = app.UtcNow;
        var closedLongAgo = Request(keyId, now.AddDays(-400), LegalAidStatus.Closed, opened: now.AddDays(-399), closed: now.AddDays(-181));
        var closedRecently = Request(keyId, now.AddDays(-400), LegalAidStatus.Closed, opened: now.AddDays(-399), closed: now.AddDays(-179));
        var neverOpenedOld = Request(keyId, now.AddDays(-366), LegalAidStatus.New, opened: null, closed: null);
        var neverOpenedYoung = Request(keyId, now.AddDays(-364), LegalAidStatus.New, opened: null, closed: null);
        var openedOldInProgress = Request(keyId, now.AddDays(-800), LegalAidStatus.InProgress, opened: now.AddDays(-799), closed: null);
        await app.ExecuteDbAsync(async db =>
        {
            db.LegalAidRequests.AddRange(closedLongAgo, closedRecently, neverOpenedOld, neverOpenedYoung, openedOldInProgress);
            db.LegalAidNotes.Add(new LegalAidNote { Id = Guid.NewGuid(), RequestId = closedLongAgo.Id, KeyId = keyId, WrappedKey = [1], Ciphertext = [1], CreatedUtc = now });
            await db.SaveChangesAsync();
        });

        var dump = await app.QueryDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"ReceivedUtc\" || ' ' || coalesce(\"ClosedUtc\",'-') || ' ' || \"Status\" AS Value FROM \"LegalAidRequests\"").ToListAsync());
        // The hosted service runs the same purge at start and every hour of the app's clock: the outcome is checked
        // in the database, not in the count one run returns, since either run may be the one that deleted a row.
        await app.Service<LegalAidRetentionService>().PurgeOnceAsync();

        var left = (await app.RequestsAsync()).Select(r => r.Id).ToHashSet();
        Assert.DoesNotContain(closedLongAgo.Id, left);
        Assert.DoesNotContain(neverOpenedOld.Id, left);
        Assert.Contains(closedRecently.Id, left);
        Assert.Contains(neverOpenedYoung.Id, left);
        Assert.Contains(openedOldInProgress.Id, left);
        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidNotes.CountAsync(n => n.RequestId == closedLongAgo.Id)));

        // Two days later the recently closed one is past 180 days too, and the young unopened one past a year.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Service<LegalAidRetentionService>().PurgeOnceAsync();
        Assert.Equal([openedOldInProgress.Id], (await app.RequestsAsync()).Select(r => r.Id).ToArray());
    }

    private static LegalAidRequest Request(int keyId, DateTime received, LegalAidStatus status, DateTime? opened, DateTime? closed) => new()
    {
        Id = Guid.NewGuid(),
        KeyId = keyId,
        WrappedKey = [1, 2, 3],
        Ciphertext = [4, 5, 6],
        ReceivedUtc = received,
        Status = status,
        FirstOpenedUtc = opened,
        ClosedUtc = closed,
    };
}
