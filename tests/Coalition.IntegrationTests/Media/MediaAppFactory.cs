using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Coalition.Data;
using Coalition.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Coalition.IntegrationTests.Media;

/// <summary>
/// The app on a temporary SQLite file and a temporary media folder, both deleted on dispose, with small upload limits
/// so that "too large" needs only kilobytes. Vocabulary: <see cref="CreateStaffAsync"/>, <see cref="SignedInClientAsync"/>,
/// <see cref="ExecuteDbAsync{T}"/>, <see cref="UploadAsync"/>.
/// </summary>
public sealed partial class MediaAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "a long test password 42";
    public const long MaxImageBytes = 400_000;
    public const long MaxDocumentBytes = 600_000;
    public const long MaxArchiveUnpackedBytes = 4_000_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coalition-media-tests-" + Guid.NewGuid().ToString("N"));
    private HttpClient? _editor;
    private string? _token;

    public string MediaFolder => Path.Combine(_folder, "media");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads the database settings before the host is built.
        builder.UseSetting("ConnectionStrings:Coalition", $"Data Source={Path.Combine(_folder, "coalition.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("LogFile:Enabled", "false");
        builder.UseSetting("RateLimits:UploadPermitLimit", "1000"); // the per-staff upload limit has its own test
        builder.UseSetting("Security:PasswordHashIterations", "1000"); // fast test sign-ins; see PasswordHashingTests
        builder.UseSetting("Security:RequireTwoFactorForAllStaff", "false");
        builder.UseSetting("Media:DataFolder", MediaFolder);
        builder.UseSetting("Media:MaxImageBytes", MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Media:MaxDocumentBytes", MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Media:MaxArchiveUnpackedBytes", MaxArchiveUnpackedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<StaffUser> CreateStaffAsync(string role, string? email = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            UserName = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org",
            Email = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org",
            EmailConfirmed = true,
            DisplayName = role,
            CreatedUtc = DateTime.UtcNow,
        };
        user.UserName = user.Email;
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A client signed in through the real login form; it keeps cookies and does not follow redirects.</summary>
    public async Task<HttpClient> SignedInClientAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var token = await TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>One Editor, signed in once per factory.</summary>
    public async Task<HttpClient> EditorAsync()
    {
        if (_editor is null)
        {
            _editor = await SignedInClientAsync(await CreateStaffAsync("Editor"));
            _token = await TokenAsync(_editor, "/admin/media");
        }

        return _editor;
    }

    /// <summary>Posts the upload form as a browser would (multipart, antiforgery token); the response is not followed.</summary>
    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName, string? altEn = "A test image", bool decorative = false, string contentType = "application/octet-stream")
    {
        var client = await EditorAsync();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(content, "File", fileName);
        form.Add(new StringContent(altEn ?? ""), "AltEn");
        form.Add(new StringContent(decorative ? "true" : "false"), "Decorative");
        form.Add(new StringContent(_token!), "__RequestVerificationToken");
        return await client.PostAsync("/admin/media/upload", form);
    }

    /// <summary>The posting client's form token for <paramref name="client"/>, read from a page that has a form.</summary>
    public async Task<string> FormTokenAsync(HttpClient client, string path = "/admin/media") => await TokenAsync(client, path);

    public async Task<T> ExecuteDbAsync<T>(Func<CoalitionDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<CoalitionDbContext>());
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        _editor?.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow disk: the OS cleans temp folders.
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No form token on {path}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
