using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class PressReleaseConfiguration : IEntityTypeConfiguration<PressRelease>
{
    public void Configure(EntityTypeBuilder<PressRelease> builder)
    {
        builder.ToTable("PressReleases");
        builder.ConfigureContent();
        builder.Property(x => x.PlaceLine).HasMaxLength(100);
        builder.Property(x => x.DocumentsJson).HasMaxLength(4000);
        builder.Property(x => x.PhotosJson).HasMaxLength(8000);
        builder.Property(x => x.ContactIds).HasMaxLength(500);
        // The alert job's scan: public releases whose alerts are not queued yet.
        builder.HasIndex(x => new { x.AlertsQueuedUtc, x.PublishedUtc });
    }
}

internal sealed class MediaContactConfiguration : IEntityTypeConfiguration<MediaContact>
{
    public void Configure(EntityTypeBuilder<MediaContact> builder)
    {
        builder.ToTable("MediaContacts");
        builder.Property(x => x.Name).HasMaxLength(150).IsRequired();
        foreach (var role in new[] { nameof(MediaContact.RoleRu), nameof(MediaContact.RoleTg), nameof(MediaContact.RoleEn) })
        {
            builder.Property(role).HasMaxLength(150);
        }

        foreach (var note in new[] { nameof(MediaContact.NoteRu), nameof(MediaContact.NoteTg), nameof(MediaContact.NoteEn) })
        {
            builder.Property(note).HasMaxLength(300);
        }

        builder.Property(x => x.Languages).HasMaxLength(50).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(254);
        builder.Property(x => x.Phone).HasMaxLength(40);
    }
}

internal sealed class PressKitItemConfiguration : IEntityTypeConfiguration<PressKitItem>
{
    public void Configure(EntityTypeBuilder<PressKitItem> builder)
    {
        builder.ToTable("PressKitItems");
        builder.Property(x => x.CaptionRu).HasMaxLength(300);
        builder.Property(x => x.CaptionTg).HasMaxLength(300);
        builder.Property(x => x.CaptionEn).HasMaxLength(300);
        builder.Property(x => x.Credit).HasMaxLength(200);
        builder.HasIndex(x => x.MediaId).IsUnique();
        // Cascade: deleting a file from the library takes it out of the kit (the kit is not content, so the library's
        // "where used" guard does not hold it back).
        builder.HasOne(x => x.Media).WithMany().HasForeignKey(x => x.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PressAccessLinkConfiguration : IEntityTypeConfiguration<PressAccessLink>
{
    public void Configure(EntityTypeBuilder<PressAccessLink> builder)
    {
        builder.ToTable("PressAccessLinks");
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.RecipientLabel).HasMaxLength(150).IsRequired();
        builder.Property(x => x.CreatedById).HasMaxLength(450);
        builder.Property(x => x.CreatedByName).HasMaxLength(256);
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => x.PressReleaseId);
    }
}

internal sealed class PressSubscriberConfiguration : IEntityTypeConfiguration<PressSubscriber>
{
    public void Configure(EntityTypeBuilder<PressSubscriber> builder)
    {
        builder.ToTable("PressSubscribers");
        builder.Property(x => x.Email).HasMaxLength(254).IsRequired();
        builder.Property(x => x.Culture).HasMaxLength(ContentItemConfiguration.CultureLength).IsRequired();
        builder.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        builder.Property(x => x.UnsubscribeStamp).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => new { x.Email, x.Culture }).IsUnique();
        builder.HasIndex(x => x.ConfirmTokenHash);
        builder.HasIndex(x => new { x.Culture, x.ConfirmedUtc });
    }
}
