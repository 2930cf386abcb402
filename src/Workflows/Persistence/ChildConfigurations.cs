using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class ChildConfigurations :
    IEntityTypeConfiguration<RequestDocument>, IEntityTypeConfiguration<RequestNote>, IEntityTypeConfiguration<Payment>,
    IEntityTypeConfiguration<LifecycleDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        // The name the uploader gave the file may say what it is about.
        SensitiveFields.Encrypted(builder.Property(d => d.FileName), "document.file-name", 255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.StorageKey).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        // The abandoned-uploads job keeps any file a request names.
        builder.HasIndex(d => d.StorageKey);
    }

    public void Configure(EntityTypeBuilder<RequestNote> builder)
    {
        builder.ToTable("Notes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(200);
        SensitiveFields.Encrypted(builder.Property(n => n.Text), "note.text", 4000);
    }

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        // The dashboard sums payments received in a period.
        builder.HasIndex(p => p.ReceivedAt);
        builder.Property(p => p.CheckNumber).HasMaxLength(40);
        builder.Property(p => p.RecordedBy).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<LifecycleDefinitionRecord> builder)
    {
        builder.ToTable("LifecycleDefinitions");
        builder.HasKey(d => new { d.Name, d.Version });
        builder.Property(d => d.Name).HasMaxLength(80);
        builder.Property(d => d.Sha256).HasMaxLength(64);
    }
}
