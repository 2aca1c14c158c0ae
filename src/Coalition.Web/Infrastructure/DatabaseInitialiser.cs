using Coalition.Data;
using Coalition.Web.Features.Accounts;
using Coalition.Web.Features.Demo;
using Coalition.Web.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Infrastructure;

public static partial class DatabaseInitialiser
{
    /// <summary>Migrates (always on SQLite, configurable on SQL Server), then creates roles, the first Administrator, demo content and the fixed pages.</summary>
    public static async Task InitialiseCoalitionDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CoalitionDbContext>();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while an editor saves; the setting is stored in the database file.
            await db.Database.OpenConnectionAsync();
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.MigrateAsync();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else if (options.ApplyMigrationsAtStartup)
        {
            await db.Database.MigrateAsync();
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            LogPendingMigrations(logger);
        }

        await services.GetRequiredService<StaffSeeder>().SeedAsync();
        if (services.GetRequiredService<IOptions<SeedOptions>>().Value.Demo)
        {
            await services.GetRequiredService<DemoContentSeeder>().SeedAsync();
            await services.GetRequiredService<Features.Press.PressDemoSeeder>().SeedAsync(); // the press room's demo (issue 13)
        }

        await services.GetRequiredService<Features.Publishing.StarterContentSeeder>().SeedAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has pending migrations and Database:ApplyMigrationsAtStartup is false: apply the SQL script (docs/operations.md)")]
    private static partial void LogPendingMigrations(ILogger logger);
}
