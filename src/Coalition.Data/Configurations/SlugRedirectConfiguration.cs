using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.ToTable("SlugRedirects");
        builder.Property(x => x.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Culture).HasMaxLength(ContentItemConfiguration.CultureLength).IsRequired();
        builder.Property(x => x.OldSlug).HasMaxLength(ContentItemConfiguration.SlugLength).IsRequired();
        builder.HasIndex(x => new { x.ContentType, x.Culture, x.OldSlug }).IsUnique();
    }
}
