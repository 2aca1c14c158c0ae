using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public const int NameLength = 200;

    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(NameLength);
        builder.Property(x => x.Holder).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => x.ExpiresUtc);
    }
}
