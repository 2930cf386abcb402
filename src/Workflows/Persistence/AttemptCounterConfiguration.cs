using BackOffice.Workflows.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class AttemptCounterConfiguration : IEntityTypeConfiguration<AttemptCounter>
{
    public void Configure(EntityTypeBuilder<AttemptCounter> builder)
    {
        builder.ToTable("AttemptCounters");
        builder.HasKey(c => new { c.Bucket, c.KeyHash, c.WindowStart });
        builder.Property(c => c.Bucket).HasMaxLength(40);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.HasIndex(c => c.WindowStart); // the hourly sweep of windows long past
    }
}
