using Coalition.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coalition.Data.Configurations;

internal sealed class LegalAidKeyConfiguration : IEntityTypeConfiguration<LegalAidKey>
{
    public void Configure(EntityTypeBuilder<LegalAidKey> builder)
    {
        builder.ToTable("LegalAidKeys");
        builder.Property(x => x.PublicKey).HasMaxLength(512).IsRequired();
        builder.Property(x => x.EncryptedPrivateKey).HasMaxLength(1024).IsRequired();
        builder.Property(x => x.Salt).HasMaxLength(64).IsRequired();
    }
}

internal sealed class LegalAidRequestConfiguration : IEntityTypeConfiguration<LegalAidRequest>
{
    public void Configure(EntityTypeBuilder<LegalAidRequest> builder)
    {
        builder.ToTable("LegalAidRequests");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.WrappedKey).HasMaxLength(512).IsRequired();
        builder.Property(x => x.Ciphertext).HasMaxLength(65536).IsRequired();
        builder.Property(x => x.AssignedToUserId).HasMaxLength(450);
        builder.HasOne<LegalAidKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Status, x.ReceivedUtc });
        builder.HasIndex(x => x.ClosedUtc);
    }
}

internal sealed class LegalAidNoteConfiguration : IEntityTypeConfiguration<LegalAidNote>
{
    public void Configure(EntityTypeBuilder<LegalAidNote> builder)
    {
        builder.ToTable("LegalAidNotes");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.WrappedKey).HasMaxLength(512).IsRequired();
        builder.Property(x => x.Ciphertext).HasMaxLength(65536).IsRequired();
        builder.Property(x => x.AuthorUserId).HasMaxLength(450);
        builder.HasOne<LegalAidKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.RequestId, x.CreatedUtc });
    }
}
