using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class TimerConfiguration : IEntityTypeConfiguration<ScheduledTimer>
{
    public void Configure(EntityTypeBuilder<ScheduledTimer> builder)
    {
        builder.ToTable("Timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.Trigger).HasMaxLength(60);
        builder.Property(t => t.Activity).HasMaxLength(80);
        builder.Property(t => t.Comment).HasMaxLength(500);
        builder.HasIndex(t => new { t.CompletedAt, t.DueAt });
        builder.HasIndex(t => t.RequestId);
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(t => t.RequestId);
    }
}
