using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.Property(x => x.MessageIdHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Content).IsRequired();
        builder.Property(x => x.LeaseHolder).HasMaxLength(250);
        builder.HasIndex(x => x.MessageIdHash).IsUnique();
        builder.HasIndex(x => x.NextAttemptUtc);
    }
}
