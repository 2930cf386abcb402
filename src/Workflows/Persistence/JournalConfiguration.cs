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
        builder.Property(j => j.Comment).HasMaxLength(2000);
        builder.Property(j => j.GuardResults).HasConversion(JsonColumn.Converter<Dictionary<string, bool>>(), JsonColumn.Comparer<Dictionary<string, bool>>());
        builder.Property(j => j.Inputs).HasConversion(JsonColumn.Converter<Dictionary<string, string?>>(), JsonColumn.Comparer<Dictionary<string, string?>>());
    }
}
