using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

/// <summary>The columns and indexes every content table shares.</summary>
internal static class ContentItemConfiguration
{
    public const int CultureLength = 5;
    public const int SlugLength = 200;
    public const int TitleLength = 300;
    public const int SummaryLength = 1000;
    public const int MediaRefsLength = 2000;

    public static void ConfigureContent<T>(this EntityTypeBuilder<T> b) where T : ContentItem
    {
        b.Property(x => x.Culture).HasMaxLength(CultureLength).IsRequired();
        b.Property(x => x.Slug).HasMaxLength(SlugLength).IsRequired();
        b.Property(x => x.Title).HasMaxLength(TitleLength).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(SummaryLength);
        b.Property(x => x.BodyMarkdown).IsRequired();
        b.Property(x => x.BodyHtml).IsRequired();
        b.Property(x => x.CreatedById).HasMaxLength(450);
        b.Property(x => x.UpdatedById).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Property(x => x.MediaRefs).HasMaxLength(MediaRefsLength);
        b.HasIndex(x => new { x.Culture, x.Slug }).IsUnique();
        b.HasIndex(x => new { x.TranslationGroupId, x.Culture }).IsUnique();
        // The public lists: filter, order and count from the index alone, without reading the bodies.
        b.HasIndex(x => new { x.Culture, x.Status, x.PublishedUtc, x.Id, x.DeletedUtc, x.UnpublishUtc })
            .HasDatabaseName($"IX_{typeof(T).Name}_PublicList");
        b.HasIndex(x => x.DeletedUtc);
        b.HasOne(x => x.PendingRevision).WithMany().HasForeignKey(x => x.PendingRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
