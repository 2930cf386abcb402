using BackOffice.Workflows.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSetVersion>, IEntityTypeConfiguration<RuleSetChange>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("RuleSets");
        builder.HasKey(r => r.Version);
        builder.Property(r => r.Version).ValueGeneratedNever();
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.Property(r => r.CreatedBy).HasMaxLength(64);
        builder.Property(r => r.PublishedBy).HasMaxLength(64);
        builder.Property(r => r.WithdrawnBy).HasMaxLength(64);
        builder.Property(r => r.Files).HasField("_files").HasConversion(
            JsonColumn.Converter<IReadOnlyDictionary<string, string>, Dictionary<string, string>>(),
            JsonColumn.Comparer<IReadOnlyDictionary<string, string>>());
        builder.HasIndex(r => new { r.Status, r.EffectiveFrom });
    }

    public void Configure(EntityTypeBuilder<RuleSetChange> builder)
    {
        builder.ToTable("RuleSetChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Action).HasMaxLength(40);
        builder.Property(c => c.By).HasMaxLength(64);
        builder.HasIndex(c => c.Version);
    }
}
