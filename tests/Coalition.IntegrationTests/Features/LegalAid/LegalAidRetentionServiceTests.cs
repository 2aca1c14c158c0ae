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
        var mine = new[] { closedLongAgo.Id, closedRecently.Id, neverOpenedOld.Id, neverOpenedYoung.Id, openedOldInProgress.Id };
        Assert.Equal([openedOldInProgress.Id], (await app.RequestsAsync()).Select(r => r.Id).Where(mine.Contains).ToArray());
    }

    [Fact]
    public async Task PurgeOnce_DeletesRetiredKeysThatSealNothing_AfterADay_AndKeepsTheOthers()
    {
        await app.EnsureKeyAsync();
        var now = app.UtcNow;
        var unused = Key(retired: now.AddDays(-2));
        var justRetired = Key(retired: now.AddHours(-1));
        var stillUsed = Key(retired: now.AddDays(-30));
        await app.ExecuteDbAsync(async db =>
        {
            db.LegalAidKeys.AddRange(unused, justRetired, stillUsed);
            await db.SaveChangesAsync();
            db.LegalAidRequests.Add(Request(stillUsed.Id, now.AddDays(-40), LegalAidStatus.InProgress, opened: now.AddDays(-39), closed: null));
            await db.SaveChangesAsync();
        });

        await app.Service<LegalAidRetentionService>().PurgeOnceAsync();

        var left = await app.QueryDbAsync(db => db.LegalAidKeys.Select(k => k.Id).ToListAsync());
        Assert.DoesNotContain(unused.Id, left);
        Assert.Contains(justRetired.Id, left);
        Assert.Contains(stillUsed.Id, left);
        Assert.Equal(1, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync(k => k.RetiredUtc == null)));
    }

    private static LegalAidKey Key(DateTime retired) => new()
    {
        CreatedUtc = retired.AddDays(-100),
        RetiredUtc = retired,
        PublicKey = [1],
        EncryptedPrivateKey = [2],
        Salt = [3],
        Iterations = 10_000,
    };

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
