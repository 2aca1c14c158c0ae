using System.Net;
using Coalition.IntegrationTests.Infrastructure;
using Coalition.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coalition.IntegrationTests.Controllers;

public sealed class AccountControllerTests(CoalitionAppFactory factory) : IClassFixture<CoalitionAppFactory>
{
    private const string WrongPassword = "not the right password at all";

    private static Dictionary<string, string> LoginForm(string email, string password, string returnUrl = "") =>
        new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl };

    private static async Task<(HttpResponseMessage Response, string? Error)> SignInAsync(HttpClient client, string email, string password, string returnUrl = "")
    {
        var response = await client.PostFormAsync("/account/login", "/account/login", LoginForm(email, password, returnUrl));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response, null);
        }

        var document = await response.ParseAsync();
        return (response, document.QuerySelector(".form-errors")?.TextContent.Trim());
    }

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("coalition.auth=", StringComparison.Ordinal) && !c.StartsWith("coalition.auth=;", StringComparison.Ordinal));

    [Fact]
    public async Task Login_RightPassword_SignsInAndRedirectsToAdmin()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateBrowser("en");

        var (response, _) = await SignInAsync(client, staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.True(SetsAuthCookie(response));
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        response.Dispose();
    }

    [Fact]
    public async Task Login_LocalReturnUrl_IsFollowedAndForeignOneIsNot()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var local = factory.CreateBrowser("en");
        using var foreign = factory.CreateBrowser("en");

        var (toLocal, _) = await SignInAsync(local, staff.Email, staff.Password, "/admin/news");
        var (toForeign, _) = await SignInAsync(foreign, staff.Email, staff.Password, "https://evil.example/admin");

        Assert.Equal("/admin/news", toLocal.Headers.Location?.OriginalString);
        Assert.Equal("/admin", toForeign.Headers.Location?.OriginalString);
        toLocal.Dispose();
        toForeign.Dispose();
    }

    [Fact]
    public async Task Login_WrongEmailOrWrongPassword_GiveTheSameAnswer()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateBrowser("en");

        var (unknownEmail, unknownEmailError) = await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.org", WrongPassword);
        var (wrongPassword, wrongPasswordError) = await SignInAsync(client, staff.Email, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, unknownEmail.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(unknownEmailError));
        Assert.Equal(unknownEmailError, wrongPasswordError);
        Assert.False(SetsAuthCookie(unknownEmail) || SetsAuthCookie(wrongPassword));
        unknownEmail.Dispose();
        wrongPassword.Dispose();
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateBrowser("en");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (failed, _) = await SignInAsync(client, staff.Email, WrongPassword);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            failed.Dispose();
        }

        var (response, error) = await SignInAsync(client, staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(SetsAuthCookie(response));
        Assert.Contains("locked", error, StringComparison.OrdinalIgnoreCase);
        var lockoutEnd = await factory.QueryDbAsync(db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"LockoutEnd is {lockoutEnd}");
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        response.Dispose();
    }

    [Fact]
    public async Task Login_FourWrongPasswords_StillLetsTheRightOneIn()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateBrowser("en");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await SignInAsync(client, staff.Email, WrongPassword)).Response.Dispose();
        }

        var (response, _) = await SignInAsync(client, staff.Email, staff.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        response.Dispose();
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_Returns400AndDoesNotSignIn()
    {
        var staff = await factory.CreateStaffAsync(Roles.Editor);
        using var client = factory.CreateBrowser("en");

        using var response = await client.PostWithoutTokenAsync("/account/login", LoginForm(staff.Email, staff.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(SetsAuthCookie(response));
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        using var client = await factory.SignedInClientAsync(Roles.Editor);

        using var response = await client.PostFormAsync("/admin", "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/login", admin.RedirectPath());
    }

    [Fact]
    public async Task Admin_SignedInWithoutAStaffRole_IsDenied()
    {
        var nobody = await factory.CreateStaffAsync(role: null);
        using var client = await factory.SignedInClientAsync(nobody);

        using var response = await client.GetAsync(new Uri("/admin/news", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.RedirectPath());
    }

    [Theory]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/identity/account/register")]
    [InlineData("/register")]
    [InlineData("/account/register")]
    public async Task Register_NoSuchPage_Returns404(string url)
    {
        using var client = factory.CreateBrowser();

        using var get = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }
}
