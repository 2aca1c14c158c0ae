using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Action).HasMaxLength(60).IsRequired();
        builder.Property(x => x.EntityType).HasMaxLength(60);
        builder.Property(x => x.EntityId).HasMaxLength(100);
        builder.Property(x => x.Summary).HasMaxLength(500);
        builder.HasIndex(x => x.OccurredUtc);
        builder.HasIndex(x => new { x.UserId, x.OccurredUtc });
        builder.HasIndex(x => new { x.Action, x.OccurredUtc });
        builder.HasIndex(x => new { x.EntityType, x.OccurredUtc });
    }
}
