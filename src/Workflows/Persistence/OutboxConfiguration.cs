using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Type).HasMaxLength(80);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.Property(o => o.IncidentReason).HasMaxLength(2000);
        builder.Property(o => o.DismissedBy).HasMaxLength(200);
        builder.Property(o => o.DismissReason).HasMaxLength(500);
        builder.Property(o => o.Revision).IsConcurrencyToken();
        // What a message says (missing items, reasons, amounts): encrypted, like the request it comes from.
        SensitiveFields.Encrypted(builder.Property(o => o.Facts), "outbox.facts", 8000);
        // Every sweep starts from "not processed": pending rows (no incident, oldest first), open incidents, old claims.
        builder.HasIndex(o => new { o.ProcessedAt, o.IncidentAt, o.CreatedAt });
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(o => o.RequestId);
    }
}
