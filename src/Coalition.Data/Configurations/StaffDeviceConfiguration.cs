using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class StaffDeviceConfiguration : IEntityTypeConfiguration<StaffDevice>
{
    public void Configure(EntityTypeBuilder<StaffDevice> builder)
    {
        builder.ToTable("StaffDevices");
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.BrowserFamily).HasMaxLength(40).IsRequired();
        builder.HasIndex(x => new { x.UserId, x.TokenHash }).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
