using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Data.Providers;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Coalition.UnitTests.Features.Accounts;

/// <summary>The seeder with the real Identity stores on a migrated SQLite database in memory.</summary>
public sealed class StaffSeederTests : IDisposable
{
    private const string AdminEmail = "first.admin@example.org";
    private const string AdminPassword = "a long enough passphrase";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _providers = [];

    public StaffSeederTests()
    {
        _connection.Open();
        using var db = new SqliteCoalitionDbContext(new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite(_connection).Options);
        db.Database.Migrate();
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _connection.Dispose();
    }

    private IServiceScope Scope(string environment, string? email, string? password)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CoalitionDbContext, SqliteCoalitionDbContext>(o => o.UseSqlite(_connection));
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<CoalitionDbContext>();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddSingleton<TimeProvider>(_clock);
        services.Configure<AdminOptions>(o => (o.Email, o.Password) = (email, password));
        services.AddScoped<StaffSeeder>();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.CreateScope();
    }

    private static async Task SeedAsync(IServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<StaffSeeder>().SeedAsync();

    private async Task<List<StaffUser>> UsersAsync()
    {
        using var scope = Scope(Environments.Production, null, null);
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.ToListAsync();
    }

    [Fact]
    public async Task SeedAsync_EmptyDatabase_CreatesEveryRole()
    {
        using var scope = Scope(Environments.Production, null, null);

        await SeedAsync(scope);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        Assert.True(await roles.RoleExistsAsync(Roles.Administrator));
        Assert.True(await roles.RoleExistsAsync(Roles.Editor));
    }

    [Fact]
    public async Task SeedAsync_AdminConfigured_CreatesAnAdministratorWhoCanSignIn()
    {
        using var scope = Scope(Environments.Production, $"  {AdminEmail} ", AdminPassword);

        await SeedAsync(scope);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var admin = await users.FindByEmailAsync(AdminEmail);
        Assert.NotNull(admin);
        Assert.Equal(AdminEmail, admin.UserName);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, AdminPassword));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, admin.CreatedUtc);
    }

    [Fact]
    public async Task SeedAsync_StaffAlreadyExists_CreatesNoOneElse()
    {
        using (var first = Scope(Environments.Production, AdminEmail, AdminPassword))
        {
            await SeedAsync(first);
        }

        using var second = Scope(Environments.Production, "second.admin@example.org", AdminPassword);
        await SeedAsync(second);

        Assert.Equal([AdminEmail], (await UsersAsync()).Select(u => u.Email));
    }

    [Fact]
    public async Task SeedAsync_NothingConfiguredOutsideDevelopment_CreatesNoAccount()
    {
        using var scope = Scope(Environments.Production, null, null);

        await SeedAsync(scope);

        Assert.Empty(await UsersAsync());
    }

    [Fact]
    public async Task SeedAsync_NothingConfiguredInDevelopment_CreatesTheDevelopmentAdministrator()
    {
        using var scope = Scope(Environments.Development, null, null);

        await SeedAsync(scope);

        var admin = Assert.Single(await UsersAsync());
        Assert.Equal(StaffSeeder.DevelopmentAdminEmail, admin.Email);
        Assert.NotNull(admin.PasswordHash);
    }

    [Theory]
    [InlineData(AdminEmail, null)]
    [InlineData(null, AdminPassword)]
    public async Task SeedAsync_OnlyHalfConfigured_FailsLoudly(string? email, string? password)
    {
        using var scope = Scope(Environments.Production, email, password);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SeedAsync(scope));
        Assert.Empty(await UsersAsync());
    }

    [Fact]
    public async Task SeedAsync_PasswordTooShort_FailsWithIdentitysReason()
    {
        using var scope = Scope(Environments.Production, AdminEmail, "short");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SeedAsync(scope));

        Assert.Contains("12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratePassword_IsLongAndDifferentEachTime()
    {
        var passwords = Enumerable.Range(0, 20).Select(_ => StaffSeeder.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.Equal(24, p.Length));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(passwords, p => Assert.DoesNotContain(p, c => "0O1lI".Contains(c, StringComparison.Ordinal)));
    }
}
