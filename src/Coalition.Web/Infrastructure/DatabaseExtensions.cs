using Coalition.Data;
using Coalition.Data.Providers;
using Coalition.Web.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coalition.Web.Infrastructure;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Coalition";

    /// <summary>Registers <see cref="CoalitionDbContext"/> on the provider named by <c>Database:Provider</c>.</summary>
    public static WebApplicationBuilder AddCoalitionDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider decides which services exist, so it is read and checked here, before the container is built.
        var provider = builder.Configuration[$"{DatabaseOptions.SectionName}:Provider"] ?? DatabaseOptions.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);

        switch (provider)
        {
            case DatabaseOptions.Sqlite:
                connectionString = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                builder.Services.AddDbContext<CoalitionDbContext, SqliteCoalitionDbContext>(o => o.UseSqlite(connectionString));
                break;
            case DatabaseOptions.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is 'SqlServer' but ConnectionStrings:Coalition is empty. Set it, for example with the environment variable ConnectionStrings__Coalition.");
                }

                builder.Services.AddDbContext<CoalitionDbContext, SqlServerCoalitionDbContext>(
                    o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider is '{provider}', but it must be 'Sqlite' or 'SqlServer'.");
        }

        return builder;
    }

    /// <summary>The configured SQLite connection string, or the default file under App_Data; relative paths are made absolute against the content root and their folder is created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/coalition.db" : configured);
        if (csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            var folder = Path.GetDirectoryName(csb.DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return csb.ToString();
    }
}
