using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;

namespace Coalition.IntegrationTests.Controllers;

public sealed class TwoFactorControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    [Fact]
    public async Task Enable_FirstVisit_DoesNotEndTheSessionAMinuteLater()
    {
        // A new invitee lands on the set-up page and may take minutes to install the app: the page itself must not
        // sign them out (a changed security stamp would, at the next check a minute later).
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = await factory.SignedInClientAsync(staff);
        var stampBefore = await factory.QueryDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == staff.Id).SecurityStamp));

        using (var setup = await client.GetAsync(new Uri("/account/two-factor/enable", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        }

        var stampAfter = await factory.QueryDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == staff.Id).SecurityStamp));
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        using var later = await client.GetAsync(new Uri("/account/two-factor/enable", UriKind.Relative));

        Assert.Equal(stampBefore, stampAfter);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }
}
