using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<StagedUpload>, IEntityTypeConfiguration<ClientUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> builder)
    {
        builder.ToTable("StagedUploads");
        builder.HasKey(u => u.StorageKey);
        builder.Property(u => u.StorageKey).HasMaxLength(200);
        builder.Property(u => u.ClientAddress).HasMaxLength(64);
        // The per-wizard limit counts a wizard's files; the abandoned-uploads job finds the ones no browser can send.
        builder.HasIndex(u => u.WizardId);
        builder.HasIndex(u => u.LastSeenAt);
    }

    public void Configure(EntityTypeBuilder<ClientUpload> builder)
    {
        builder.ToTable("ClientUploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.ClientAddress).HasMaxLength(64);
        // The per-address limit reads one address's uploads in the last window; the job prunes by time.
        builder.HasIndex(u => new { u.ClientAddress, u.At });
        builder.HasIndex(u => u.At);
    }
}
