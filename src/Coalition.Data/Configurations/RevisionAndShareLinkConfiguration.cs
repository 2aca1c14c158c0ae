using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.ToTable("ContentRevisions");
        builder.Property(x => x.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(ContentItemConfiguration.TitleLength).IsRequired();
        builder.Property(x => x.Slug).HasMaxLength(ContentItemConfiguration.SlugLength).IsRequired();
        builder.Property(x => x.Summary).HasMaxLength(ContentItemConfiguration.SummaryLength);
        builder.Property(x => x.BodyMarkdown).IsRequired();
        builder.Property(x => x.MediaRefs).HasMaxLength(ContentItemConfiguration.MediaRefsLength);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Kind).HasMaxLength(20).IsRequired();
        builder.HasIndex(x => new { x.ContentType, x.ItemId, x.Number }).IsUnique();
    }
}

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("ShareLinks");
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(x => x.CreatedById).HasMaxLength(450);
        builder.Property(x => x.CreatedByName).HasMaxLength(256);
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => new { x.ContentType, x.ItemId });
    }
}
