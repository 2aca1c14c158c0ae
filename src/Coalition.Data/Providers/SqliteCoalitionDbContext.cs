using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coalition.Data.Providers;

public sealed class SqliteCoalitionDbContext(DbContextOptions<SqliteCoalitionDbContext> options)
    : CoalitionDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoalitionDbContext>
{
    public SqliteCoalitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoalitionDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
