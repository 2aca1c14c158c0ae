using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public const int VenueLength = 1000;
    public const int AudienceLength = 300;
    public const int LanguageLength = 100;
    public const int TrainersLength = 2000;

    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("Events");
        builder.ConfigureContent();
        builder.Property(x => x.Venue).HasMaxLength(VenueLength);
        builder.Property(x => x.Audience).HasMaxLength(AudienceLength);
        builder.Property(x => x.EventLanguage).HasMaxLength(LanguageLength);
        builder.Property(x => x.Trainers).HasMaxLength(TrainersLength);
        builder.Ignore(x => x.ClosesUtc);
        // Upcoming and past lists, and the calendar feed: by culture and start time.
        builder.HasIndex(x => new { x.Culture, x.StartUtc });
        builder.HasIndex(x => x.EndUtc);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.Property(x => x.Culture).HasMaxLength(ContentItemConfiguration.CultureLength).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Email).HasMaxLength(254);
        builder.Property(x => x.EmailKey).HasMaxLength(64);
        builder.Property(x => x.Phone).HasMaxLength(50);
        builder.Property(x => x.Organisation).HasMaxLength(200);
        builder.Property(x => x.JobRole).HasMaxLength(200);
        builder.Property(x => x.LanguageNeeds).HasMaxLength(500);
        builder.Property(x => x.AccessibilityNeeds).HasMaxLength(500);
        builder.Property(x => x.CancelTokenHash).HasMaxLength(64);
        builder.HasIndex(x => new { x.EventGroupId, x.Status, x.Sequence });
        // One registration per address and event, whatever the concurrency (SQL Server filters out the NULLs of
        // deleted personal data by itself).
        builder.HasIndex(x => new { x.EventGroupId, x.EmailKey }).IsUnique();
        builder.HasIndex(x => x.CancelTokenHash).IsUnique();
        builder.HasOne<EventRegistrationList>().WithMany().HasForeignKey(x => x.EventGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventRegistrationListConfiguration : IEntityTypeConfiguration<EventRegistrationList>
{
    public void Configure(EntityTypeBuilder<EventRegistrationList> builder)
    {
        builder.ToTable("EventRegistrationLists");
        builder.HasKey(x => x.EventGroupId);
        builder.Property(x => x.EventGroupId).ValueGeneratedNever();
    }
}
