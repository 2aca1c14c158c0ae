using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coalition.Data.Providers;

public sealed class SqlServerCoalitionDbContext(DbContextOptions<SqlServerCoalitionDbContext> options)
    : CoalitionDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model and scripts without a server: nothing connects.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCoalitionDbContext>
{
    public SqlServerCoalitionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCoalitionDbContext>()
            .UseSqlServer("Server=localhost;Database=Coalition;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
