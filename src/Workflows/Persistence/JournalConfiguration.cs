using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("Journal");
        builder.HasKey(j => j.Id);
        // Two clerks racing to write the same step of one request cannot both succeed.
        builder.HasIndex(j => new { j.RequestId, j.Sequence }).IsUnique();
        // The dashboard finds invoices issued in a period by the state entered.
        builder.HasIndex(j => new { j.ToState, j.OccurredAt });
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(j => j.RequestId);
        builder.Property(j => j.Trigger).HasMaxLength(60);
        builder.Property(j => j.FromState).HasMaxLength(40);
        builder.Property(j => j.ToState).HasMaxLength(40);
        builder.Property(j => j.ActorId).HasMaxLength(64);
        builder.Property(j => j.ActorName).HasMaxLength(200);
        // Comments and action inputs are what staff typed (reasons, who was spoken to): encrypted.
        SensitiveFields.Encrypted(builder.Property(j => j.Comment), "journal.comment", 2000);
        builder.Property(j => j.GuardResults).HasField("_guardResults").HasConversion(
            JsonColumn.Converter<IReadOnlyDictionary<string, bool>, Dictionary<string, bool>>(),
            JsonColumn.Comparer<IReadOnlyDictionary<string, bool>>());
        SensitiveFields.Encrypted(builder.Property(j => j.Inputs).HasField("_inputs").HasConversion(
            JsonColumn.Converter<IReadOnlyDictionary<string, string?>, Dictionary<string, string?>>(),
            JsonColumn.Comparer<IReadOnlyDictionary<string, string?>>()), "journal.inputs", 4000);
    }
}
