using Coalition.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coalition.Data;

/// <summary>
/// The one context of the portal, Identity tables included. The app only ever sees this type;
/// the provider-specific subclasses in <c>Providers/</c> exist so that each provider keeps its own migrations.
/// It also holds the Data Protection key ring, so that cookies and invitation links survive a redeploy and are
/// shared by every instance.
/// </summary>
public abstract class CoalitionDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<NewsArticle> News => Set<NewsArticle>();
    public DbSet<Page> Pages => Set<Page>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<SupportMessage> SupportMessages => Set<SupportMessage>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EventRegistrationList> EventRegistrationLists => Set<EventRegistrationList>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<StaffDevice> StaffDevices => Set<StaffDevice>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<LegalAidKey> LegalAidKeys => Set<LegalAidKey>();
    public DbSet<LegalAidRequest> LegalAidRequests => Set<LegalAidRequest>();
    public DbSet<LegalAidNote> LegalAidNotes => Set<LegalAidNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoalitionDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every time is stored in UTC; SQLite keeps no DateTimeKind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
