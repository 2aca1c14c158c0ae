using System.Text.Json;
using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    private static readonly JsonSerializerOptions Json = new();

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.ConfigureContent();
        builder.Property(x => x.ThemeLine).HasMaxLength(300);
        builder.HasOne(x => x.CoverMedia).WithMany().HasForeignKey(x => x.CoverMediaId).OnDelete(DeleteBehavior.Restrict);
        // One text column on both providers: the list is read and written whole with its item, never queried inside.
        builder.Property(x => x.Materials)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<CampaignMaterial>>(v, Json) ?? new List<CampaignMaterial>(),
                new ValueComparer<List<CampaignMaterial>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<CampaignMaterial>>(JsonSerializer.Serialize(v, Json), Json)!))
            .IsRequired();
        // The archive (by culture and year) and the active-campaign lookup (by culture and window).
        builder.HasIndex(x => new { x.Culture, x.Year, x.Day });
        builder.HasIndex(x => new { x.Culture, x.WindowStartUtc, x.WindowEndUtc });
    }
}
