using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Workflows.Persistence;

internal sealed class RetentionConfiguration : IEntityTypeConfiguration<RetentionRun>, IEntityTypeConfiguration<RetentionRunItem>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.StartedById).HasMaxLength(64);
        builder.Property(r => r.StartedByName).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(RetentionRun.MaxOutcomeLength);
        builder.Ignore(r => r.Finished);
        // The report lists runs newest first.
        builder.HasIndex(r => r.StartedAt);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId);
        builder.Navigation(r => r.Items).HasField("_items");
    }

    public void Configure(EntityTypeBuilder<RetentionRunItem> builder)
    {
        builder.ToTable("RetentionRunItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TrackingNumber).HasMaxLength(14);
        // Storage keys (random ids, no personal data) of files still to delete after the commit that removed their rows.
        builder.Property(i => i.FilesToDelete).HasConversion(
            (ValueConverter)JsonColumn.Converter<IReadOnlyList<string>, List<string>>(), JsonColumn.Comparer<IReadOnlyList<string>>()).HasMaxLength(4000);
        builder.HasIndex(i => i.RunId);
        builder.HasIndex(i => i.RequestId);
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(i => i.RequestId);
    }
}
