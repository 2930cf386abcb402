using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("Disclosures");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.RequestId, d.DisclosedAt });
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(d => d.RequestId);
        SensitiveFields.MapDisclosureContents(builder);
        builder.Property(d => d.Method).HasMaxLength(40);
        builder.Property(d => d.LegalBasis).HasMaxLength(40);
        SensitiveFields.MapDisclosurePatient(builder);
    }
}
