using BackOffice.Workflows.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("Audit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(80);
        // What was looked at and what came of it can name a patient's details (a queue search for a date of birth, an
        // uploaded file's name, a message's recipient): encrypted. The audit is searched by the plain columns only.
        SensitiveFields.Encrypted(builder.Property(a => a.Subject), "audit.subject", 400);
        SensitiveFields.Encrypted(builder.Property(a => a.Outcome), "audit.outcome", 1000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        // A supervisor searches by request, by person and by time.
        builder.HasIndex(a => new { a.RequestId, a.At });
        builder.HasIndex(a => new { a.UserName, a.At });
        builder.HasIndex(a => a.At);
    }
}
