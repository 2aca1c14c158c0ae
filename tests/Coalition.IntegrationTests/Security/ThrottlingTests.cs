using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Tests.Media;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 9: uploads are limited per staff member, and a wrong current password on the password form is
/// both rate-limited and counted toward lockout. Refusals are 429 with Retry-After, never a 5xx, and store nothing.
/// </summary>
public sealed class ThrottlingTests(ThrottlingTests.LimitedAppFactory factory) : IClassFixture<ThrottlingTests.LimitedAppFactory>
{
    [Fact]
    public async Task Upload_OverThePerStaffLimit_Is429AndStoresNothing()
    {
        using var editor = await factory.SignedInClientAsync(Roles.Editor);
        using var other = await factory.SignedInClientAsync(Roles.Editor);
        var token = await editor.GetAntiforgeryTokenAsync("/admin/media");
        for (var i = 0; i < LimitedAppFactory.Uploads; i++)
        {
            using var accepted = await UploadAsync(editor, token);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var before = await StoreSnapshot.TakeAsync(factory);
        using var refused = await UploadAsync(editor, token);

        await HostileAssert.StatusAsync(HttpStatusCode.TooManyRequests, refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));

        // The limit is per staff member: a colleague can still upload.
        using var colleague = await UploadAsync(other, await other.GetAntiforgeryTokenAsync("/admin/media"));
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_CountsTowardLockout()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = await factory.SignedInClientAsync(staff);

        using (var wrong = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = "this is not my password",
            ["NewPassword"] = "a different long passphrase here",
            ["ConfirmPassword"] = "a different long passphrase here",
        }))
        {
            await HostileAssert.StatusAsync(HttpStatusCode.OK, wrong);
        }

        Assert.Equal(1, await factory.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task ChangePassword_OverTheLimit_Is429()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = await factory.SignedInClientAsync(staff);
        var token = await client.GetAntiforgeryTokenAsync("/account/password");
        HttpResponseMessage? last = null;
        for (var i = 0; i <= LimitedAppFactory.PasswordChanges; i++)
        {
            last?.Dispose();
            last = await client.PostWithoutTokenAsync("/account/password", new()
            {
                ["CurrentPassword"] = "not it",
                ["NewPassword"] = "x",
                ["ConfirmPassword"] = "y",
                ["__RequestVerificationToken"] = token,
            });
        }

        await HostileAssert.StatusAsync(HttpStatusCode.TooManyRequests, last!);
        Assert.NotNull(last!.Headers.RetryAfter);
        last.Dispose();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(MediaFixtures.Png(40, 30)), "File", "small.png" },
            { new StringContent("A small test image"), "AltEn" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync(new Uri("/admin/media/upload", UriKind.Relative), form);
    }

    /// <summary>The app with small limits, so a test reaches them in a few requests.</summary>
    public sealed class LimitedAppFactory() : CoalitionAppFactory(new Dictionary<string, string?>
    {
        ["RateLimits:UploadPermitLimit"] = "3",
        ["RateLimits:PasswordChangePermitLimit"] = "3",
    })
    {
        public const int Uploads = 3;
        public const int PasswordChanges = 3;
    }
}
