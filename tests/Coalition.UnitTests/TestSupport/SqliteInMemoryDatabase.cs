using Coalition.Data.Entities;
using Coalition.Data.Providers;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Coalition.UnitTests.TestSupport;

/// <summary>
/// A private SQLite database in memory, built by the real migrations. It lives as long as its open connection,
/// so each test gets an empty one; every context made here shares it, like the scoped contexts of separate requests.
/// </summary>
public sealed class SqliteInMemoryDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly List<SqliteCoalitionDbContext> _contexts = [];

    public SqliteInMemoryDatabase()
    {
        _connection.Open();
        using var db = new SqliteCoalitionDbContext(Options());
        db.Database.Migrate();
    }

    /// <summary>A new context on the shared database; disposed with the database.</summary>
    public SqliteCoalitionDbContext CreateContext()
    {
        var db = new SqliteCoalitionDbContext(Options());
        _contexts.Add(db);
        return db;
    }

    /// <summary>
    /// A <see cref="ContentEditor{T}"/> on a fresh context, as one request of the app has it.
    /// The one place that knows the editor's constructor.
    /// </summary>
    public ContentEditor<T> CreateEditor<T>(TimeProvider clock)
        where T : ContentItem, new()
    {
        var db = CreateContext();
        var current = new CurrentStaff(new HttpContextAccessor());
        return new(db, Renderer, new MediaQueries(db), new RevisionStore(db, current, clock), new AuditLog(db, current, clock), Reserved, EmptyServices, clock);
    }

    public static MarkdownRenderer Renderer { get; } = new();

    /// <summary>The site's own sections, which a root page may not take; "news" is enough for the tests.</summary>
    public static ReservedSlugs Reserved { get; } = new(new Microsoft.AspNetCore.Routing.DefaultEndpointDataSource(
        new Microsoft.AspNetCore.Routing.RouteEndpoint(_ => Task.CompletedTask,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("{culture}/news/{slug}"), 0, null, "news")));

    public static IServiceProvider EmptyServices { get; } = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());

    /// <summary>The public queries on a fresh context.</summary>
    public ContentQueries CreateQueries(TimeProvider clock)
    {
        var db = CreateContext();
        return new(db, new MediaQueries(db), clock);
    }

    public void Dispose()
    {
        foreach (var db in _contexts)
        {
            db.Dispose();
        }

        _connection.Dispose();
    }

    private DbContextOptions<SqliteCoalitionDbContext> Options() =>
        new DbContextOptionsBuilder<SqliteCoalitionDbContext>().UseSqlite(_connection).Options;
}
