using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class SupportMessageConfiguration : IEntityTypeConfiguration<SupportMessage>
{
    public const int TextLength = 1000;
    public const int NameLength = 50;
    public const int TownLength = 80;

    public void Configure(EntityTypeBuilder<SupportMessage> builder)
    {
        builder.ToTable("SupportMessages");
        builder.Property(x => x.Culture).HasMaxLength(ContentItemConfiguration.CultureLength).IsRequired();
        builder.Property(x => x.FirstName).HasMaxLength(NameLength);
        builder.Property(x => x.Town).HasMaxLength(TownLength);
        builder.Property(x => x.Text).HasMaxLength(TextLength).IsRequired();
        builder.Property(x => x.DecidedById).HasMaxLength(450);
        // The queue (by state, newest first), a campaign's approved messages, and the purge of old rejections.
        builder.HasIndex(x => new { x.Status, x.CreatedUtc });
        builder.HasIndex(x => new { x.CampaignGroupId, x.Status, x.CreatedUtc });
        builder.HasIndex(x => new { x.Status, x.DecidedUtc });
    }
}
