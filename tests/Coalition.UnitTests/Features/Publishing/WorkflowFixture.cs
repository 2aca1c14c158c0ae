using Coalition.Data.Entities;
using Coalition.Data.Providers;
using Coalition.Web.Features.Audit;
using Coalition.Web.Features.Media;
using Coalition.Web.Features.Publishing;
using Microsoft.AspNetCore.Http;
using Coalition.UnitTests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Coalition.UnitTests.Features.Publishing;

/// <summary>
/// The publishing services on a migrated in-memory SQLite database, with a fake clock.
/// Each <see cref="Scope"/> is a fresh DbContext, like one web request.
/// </summary>
public sealed class WorkflowFixture : IDisposable
{
    private readonly SqliteInMemoryDatabase _database = new();

    /// <summary>10:00 in Dushanbe on 1 June 2026.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 5, 0, 0, TimeSpan.Zero));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Scope NewScope(string? userName = "editor@example.org") => new(this, userName);

    public SqliteCoalitionDbContext NewContext() => _database.CreateContext();

    public void Dispose() => _database.Dispose();

    public sealed class Scope : IDisposable
    {
        public Scope(WorkflowFixture fixture, string? userName)
        {
            ArgumentNullException.ThrowIfNull(fixture);
            Db = fixture.NewContext();
            var http = new Mock<IHttpContextAccessor>();
            if (userName is not null)
            {
                var identity = new System.Security.Claims.ClaimsIdentity(
                    [new(System.Security.Claims.ClaimTypes.NameIdentifier, "id-" + userName), new(System.Security.Claims.ClaimTypes.Name, userName)],
                    "test");
                http.Setup(h => h.HttpContext).Returns(new DefaultHttpContext { User = new(identity) });
            }

            var current = new CurrentStaff(http.Object);
            Audit = new AuditLog(Db, current, fixture.Clock);
            Revisions = new RevisionStore(Db, current, fixture.Clock);
            News = new ContentEditor<NewsArticle>(Db, SqliteInMemoryDatabase.Renderer, new MediaQueries(Db), Revisions, Audit, SqliteInMemoryDatabase.Reserved, SqliteInMemoryDatabase.EmptyServices, fixture.Clock);
            Queries = new ContentQueries(Db, new MediaQueries(Db), fixture.Clock);
            AdminQueries = new ContentAdminQueries(Db, fixture.Clock);
            ShareLinks = new ShareLinkService(Db, Audit, current, fixture.Clock);
        }

        public SqliteCoalitionDbContext Db { get; }
        public AuditLog Audit { get; }
        public RevisionStore Revisions { get; }
        public ContentEditor<NewsArticle> News { get; }
        public ContentQueries Queries { get; }
        public ContentAdminQueries AdminQueries { get; }
        public ShareLinkService ShareLinks { get; }

        public void Dispose() => Db.Dispose();
    }
}
