using BackOffice.Workflows.Portal;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

internal sealed class PortalGrantConfiguration : IEntityTypeConfiguration<PortalGrant>
{
    public void Configure(EntityTypeBuilder<PortalGrant> builder)
    {
        builder.ToTable("PortalGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        // Concurrency tokens: two code checks (or code sends, or token replacements) racing on one grant cannot
        // both save, so parallel guesses cannot slip past the five-try limit by overwriting each other's count.
        builder.Property(g => g.TokenHash).HasMaxLength(64).IsConcurrencyToken();
        builder.Property(g => g.CodeHash).HasMaxLength(64).IsConcurrencyToken();
        builder.Property(g => g.CodeAttempts).IsConcurrencyToken();
        // A link is found by its token's hash; two grants can never share one.
        builder.HasIndex(g => g.TokenHash).IsUnique();
        // One grant per outbox message: a redelivered "published" message cannot issue a second link.
        builder.HasIndex(g => g.OutboxMessageId).IsUnique();
        builder.HasIndex(g => g.RequestId);
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(g => g.RequestId);
        builder.HasOne<Lifecycle.OutboxMessage>().WithMany().HasForeignKey(g => g.OutboxMessageId);
    }
}
