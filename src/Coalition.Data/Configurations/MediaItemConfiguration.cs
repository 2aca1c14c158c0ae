using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public const int DisplayNameLength = 150;
    public const int AltLength = 300;

    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("MediaItems");
        builder.Property(x => x.Format).HasMaxLength(10).IsRequired();
        builder.Property(x => x.StorageKey).HasMaxLength(32).IsRequired();
        builder.Property(x => x.DisplayName).HasMaxLength(DisplayNameLength).IsRequired();
        builder.Property(x => x.SearchText).HasMaxLength(1200).IsRequired();
        builder.Property(x => x.VariantWidths).HasMaxLength(50).IsRequired();
        builder.Property(x => x.AltRu).HasMaxLength(AltLength);
        builder.Property(x => x.AltTg).HasMaxLength(AltLength);
        builder.Property(x => x.AltEn).HasMaxLength(AltLength);
        builder.Property(x => x.RemovedMetadata).HasMaxLength(1000);
        builder.Property(x => x.CreatedById).HasMaxLength(450);
        builder.HasIndex(x => x.StorageKey).IsUnique();
        builder.HasIndex(x => new { x.Kind, x.CreatedUtc });
    }
}
