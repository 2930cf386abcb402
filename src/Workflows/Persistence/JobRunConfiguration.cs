using BackOffice.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(120);
        builder.Property(r => r.Outcome).HasMaxLength(500);
    }
}
