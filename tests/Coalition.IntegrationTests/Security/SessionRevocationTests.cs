using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 8: a copied session cookie stops working on the very next request after each way of ending a
/// session. The clock moves one second only (in tests it stands still, and a real next request is always later):
/// revocation must not wait for a check interval.
/// </summary>
public sealed class SessionRevocationTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string NewPassword = "a brand new passphrase for revocation";

    public static TheoryData<string> Endings() => ["sign-out", "sign out everywhere", "password change", "account disabled"];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task CopiedCookie_AfterTheSessionEnds_IsRefusedOnTheNextRequest(string ending)
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var owner = await factory.SignedInClientAsync(staff);
        using var thief = owner.CopyCookiesTo(factory.CreateBrowser("en"));
        using (var before = await thief.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var ended = await EndAsync(ending, owner, staff))
        {
            await HostileAssert.NoServerErrorAsync(ended);
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var replay = await thief.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/account/login", new Uri(new Uri("http://localhost"), replay.Headers.Location!).AbsolutePath);
    }

    private async Task<HttpResponseMessage> EndAsync(string ending, Browser owner, StaffCredentials staff)
    {
        switch (ending)
        {
            case "sign-out":
                return await owner.PostFormAsync("/account", "/account/logout", []);
            case "sign out everywhere":
                return await owner.PostFormAsync("/account", "/account/sign-out-everywhere", []);
            case "password change":
                return await owner.PostFormAsync("/account/password", "/account/password", new()
                {
                    ["CurrentPassword"] = staff.Password,
                    ["NewPassword"] = NewPassword,
                    ["ConfirmPassword"] = NewPassword,
                });
            default:
                using (var admin = await factory.SignedInClientAsync(Roles.Administrator))
                {
                    return await admin.PostFormAsync($"/admin/accounts/{staff.Id}", $"/admin/accounts/{staff.Id}/disable", []);
                }
        }
    }
}
