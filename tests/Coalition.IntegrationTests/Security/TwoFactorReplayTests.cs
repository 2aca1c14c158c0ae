using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using OtpNet;

namespace Coalition.IntegrationTests.Security;

/// <summary>
/// Issue 19, item 1: a code works once on every path. Each row is what happens before the code is first used (a
/// failed code, a failed password, nothing); then a second session must be refused the same code.
/// </summary>
public sealed class TwoFactorReplayTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    public static TheoryData<string> Histories() => ["nothing", "a wrong code", "a wrong password", "two wrong codes"];

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task Code_UsedOnceAfterAHistory_IsRefusedToASecondSession(string history)
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CodeNow(admin.AuthenticatorKey!);

        using (var first = factory.CreateBrowser("en"))
        {
            switch (history)
            {
                case "a wrong code":
                    await PasswordAsync(first, admin);
                    (await SecondStepAsync(first, Wrong(code))).Dispose();
                    break;
                case "two wrong codes":
                    await PasswordAsync(first, admin);
                    (await SecondStepAsync(first, Wrong(code))).Dispose();
                    (await SecondStepAsync(first, Wrong(Wrong(code)))).Dispose();
                    break;
                case "a wrong password":
                    (await first.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = admin.Email, ["Password"] = "not the password at all" })).Dispose();
                    break;
            }

            await PasswordAsync(first, admin);
            using var used = await SecondStepAsync(first, code);
            Assert.Equal("/admin", used.Headers.Location?.OriginalString);
        }

        using var second = factory.CreateBrowser("en");
        await PasswordAsync(second, admin);
        using var replay = await SecondStepAsync(second, code);

        await HostileAssert.StatusAsync(HttpStatusCode.OK, replay);
        Assert.Contains("each code works only once", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task PasswordAsync(HttpClient client, StaffCredentials staff)
    {
        using var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.StartsWith("/account/login/two-factor", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code) =>
        client.PostFormAsync("/account/login/two-factor", "/account/login/two-factor", new() { ["Code"] = code });

    private string CodeNow(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime);

    private static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
