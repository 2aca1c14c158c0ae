using Coalition.Data;
using Coalition.Data.Entities;
using Coalition.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coalition.IntegrationTests.Data;

/// <summary>Each provider's migrations match the model. Nothing here connects to a database.</summary>
public sealed class MigrationsTests
{
    private const string DummySqlServer = "Server=nowhere.invalid;Database=Coalition;User Id=nobody;Password=none;TrustServerCertificate=True;Connect Timeout=1";

    private static SqliteCoalitionDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite("Data Source=never-opened.db").Options);

    private static SqlServerCoalitionDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerCoalitionDbContext>().UseSqlServer(DummySqlServer).Options);

    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer" };

    private static CoalitionDbContext Create(string provider) => provider == "Sqlite" ? Sqlite() : SqlServer();

    [Theory]
    [MemberData(nameof(Providers))]
    public void HasPendingModelChanges_EachProvider_IsFalse(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes that no migration captures; add a migration for this provider.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_EachProvider_BuildsWithEveryEntity(string provider)
    {
        using var db = Create(provider);

        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType).ToList();

        Assert.Contains(typeof(NewsArticle), entities);
        Assert.Contains(typeof(Page), entities);
        Assert.Contains(typeof(SlugRedirect), entities);
        Assert.Contains(typeof(StaffUser), entities);
        Assert.True(db.Model.FindEntityType(typeof(NewsArticle))!.FindProperty(nameof(ContentItem.Version))!.IsConcurrencyToken);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void GetMigrations_EachProvider_HasItsOwnMigrations(string provider)
    {
        using var db = Create(provider);

        var migrations = db.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        var assembly = db.GetService<IMigrationsAssembly>();
        Assert.All(assembly.Migrations.Values, type => Assert.Contains($".Migrations.{provider}", type.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void GenerateScript_SqlServer_CreatesTheContentTablesWithoutAServer()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [NewsArticles]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Pages]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [SlugRedirects]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Sqlite_BuildsAnEmptyDatabaseThatAcceptsContent()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteCoalitionDbContext(new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite(connection).Options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        db.News.Add(new NewsArticle { Culture = "ru", Slug = "x", Title = "X", BodyHtml = "", BodyMarkdown = "" });
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.News.CountAsync());
    }
}
