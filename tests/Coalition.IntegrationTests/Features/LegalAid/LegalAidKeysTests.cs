using System.Net;
using Coalition.Data.Entities;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.LegalAid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Features.LegalAid;

/// <summary>Setting up, rotating and (after a lost passphrase) resetting the Group's key, through the inbox pages.</summary>
public sealed class LegalAidKeysTests(LegalAidAppFactory app) : IClassFixture<LegalAidAppFactory>
{
    private const string NewPassphrase = "meadow falcon granite whisper";

    [Fact]
    public async Task SetUp_Rotate_KeepsOldRequestsReadable_WithTheNewPassphraseOnly_ThenResetDeletesEverything()
    {
        var member = await app.SignedInClientAsync(await app.CreateLegalAidMemberAsync());

        // Set-up: a short passphrase and a mismatch are refused with messages; then the key exists, the passphrase nowhere.
        var setup = await member.GetDocumentAsync("/admin/legal-aid");
        using (var tooShort = await member.SubmitFormAsync(setup, "/admin/legal-aid/setup", new() { ["Passphrase"] = "short one", ["ConfirmPassphrase"] = "short one" }))
        {
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Assert.Contains("at least 16 characters", (await tooShort.ParseAsync()).Text(".form-errors"), StringComparison.Ordinal);
        }

        using (var mismatch = await member.SubmitFormAsync(setup, "/admin/legal-aid/setup", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase, ["ConfirmPassphrase"] = NewPassphrase }))
        {
            Assert.Contains("The two passphrases do not match.", (await mismatch.ParseAsync()).Text(".form-errors"), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync()));
        using (var created = await member.SubmitFormAsync(setup, "/admin/legal-aid/setup", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase, ["ConfirmPassphrase"] = LegalAidAppFactory.Passphrase }))
        {
            Assert.Equal("/admin/legal-aid", created.RedirectPath());
        }

        var first = await app.QueryDbAsync(db => db.LegalAidKeys.SingleAsync());
        Assert.Equal(10_000, first.Iterations);
        await app.ExecuteDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);"));
        Assert.False(LegalAidAppFactory.Contains(app.RawDatabaseBytes(), LegalAidAppFactory.Passphrase), "the passphrase is in the database file");

        using (var visitor = app.CreateBrowser())
        {
            using var before = await app.SubmitRequestAsync(visitor, "en", new() { ["Form.WhatHappened"] = "Sealed before the rotation" });
        }

        // Rotation with a wrong current passphrase changes nothing.
        using (var unlocked = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = LegalAidAppFactory.Passphrase }))
        {
            Assert.Equal("/admin/legal-aid", unlocked.RedirectPath());
        }

        var keyPage = await member.GetDocumentAsync("/admin/legal-aid/key");
        using (var wrong = await member.SubmitFormAsync(keyPage, "/admin/legal-aid/key/rotate", new()
        {
            ["CurrentPassphrase"] = "not the passphrase at all",
            ["NewPassphrase"] = NewPassphrase,
            ["ConfirmPassphrase"] = NewPassphrase,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("The passphrase is not correct.", (await wrong.ParseAsync()).Text(".form-errors"), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync()));

        using (var rotated = await member.SubmitFormAsync(keyPage, "/admin/legal-aid/key/rotate", new()
        {
            ["CurrentPassphrase"] = LegalAidAppFactory.Passphrase,
            ["NewPassphrase"] = NewPassphrase,
            ["ConfirmPassphrase"] = NewPassphrase,
        }))
        {
            Assert.Equal("/admin/legal-aid", rotated.RedirectPath());
        }

        var keys = await app.QueryDbAsync(db => db.LegalAidKeys.OrderBy(k => k.Id).ToListAsync());
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys[0].RetiredUtc);
        Assert.Null(keys[1].RetiredUtc);
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.LegalAidKeyRotate)));

        // Every unlock ended with the rotation, this member's too.
        Assert.NotNull((await member.GetDocumentAsync("/admin/legal-aid")).QuerySelector("form[action='/admin/legal-aid/unlock']"));

        using (var visitor = app.CreateBrowser())
        {
            using var after = await app.SubmitRequestAsync(visitor, "en", new() { ["Form.WhatHappened"] = "Sealed after the rotation" });
        }

        var requests = await app.RequestsAsync();
        Assert.Single(requests, r => r.KeyId == keys[0].Id);
        Assert.Single(requests, r => r.KeyId == keys[1].Id);

        // The old passphrase opens nothing now; the new one opens both requests.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<LegalAidKeys>();
            Assert.Null(await service.UnlockAsync(LegalAidAppFactory.Passphrase));
        }

        using (var unlocked = await member.SubmitFormAsync("/admin/legal-aid", "/admin/legal-aid/unlock", new() { ["Passphrase"] = NewPassphrase }))
        {
            Assert.Equal("/admin/legal-aid", unlocked.RedirectPath());
        }

        foreach (var request in requests)
        {
            var text = (await member.GetDocumentAsync($"/admin/legal-aid/{request.Id}")).Text("main")!;
            Assert.Contains(request.KeyId == keys[0].Id ? "Sealed before the rotation" : "Sealed after the rotation", text, StringComparison.Ordinal);
        }

        // Lost passphrase: without the confirmation nothing happens; with it, everything is gone and set-up starts again.
        using (var unconfirmed = await member.SubmitFormAsync("/admin/legal-aid/key", "/admin/legal-aid/key/reset"))
        {
            Assert.Equal("/admin/legal-aid/key", unconfirmed.RedirectPath());
        }

        Assert.Equal(2, (await app.RequestsAsync()).Count);
        using (var reset = await member.SubmitFormAsync("/admin/legal-aid/key", "/admin/legal-aid/key/reset", new() { ["confirm"] = "true" }))
        {
            Assert.Equal("/admin/legal-aid", reset.RedirectPath());
        }

        Assert.Empty(await app.RequestsAsync());
        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync()));
        Assert.NotNull((await member.GetDocumentAsync("/admin/legal-aid")).QuerySelector("form[action='/admin/legal-aid/setup']"));
        Assert.Contains("temporarily unavailable", (await app.CreateBrowser().GetDocumentAsync("/en/legal-aid/request")).Text(".notice"), StringComparison.Ordinal);
        member.Dispose();
    }
}

/// <summary>Two coordinators setting up the key at the same moment.</summary>
public sealed class LegalAidKeysConcurrencyTests(LegalAidAppFactory app) : IClassFixture<LegalAidAppFactory>
{
    [Fact]
    public async Task Create_TwiceAtOnce_MakesOneKey_SoOnePassphraseOpensEverything()
    {
        async Task<bool> CreateAsync(string passphrase)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LegalAidKeys>().CreateAsync(passphrase);
        }

        Assert.Equal(0, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync())); // starts the app first, once

        // On threads of their own: SQLite calls complete synchronously, so without Task.Run one would finish before the other began.
        var results = await Task.WhenAll(Task.Run(() => CreateAsync("first coordinator's four words")), Task.Run(() => CreateAsync("second coordinator's four words")));

        Assert.Single(results, r => r);
        Assert.Equal(1, await app.QueryDbAsync(db => db.LegalAidKeys.CountAsync()));
        var winner = results[0] ? "first coordinator's four words" : "second coordinator's four words";
        await using var scope = app.Services.CreateAsyncScope();
        using var ring = await scope.ServiceProvider.GetRequiredService<LegalAidKeys>().UnlockAsync(winner);
        Assert.NotNull(ring);
    }
}
