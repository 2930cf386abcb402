using System.Text.Json;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
        // Every sweep starts from "not processed": pending rows (no incident, oldest first), open incidents, old claims.
        builder.HasIndex(o => new { o.ProcessedAt, o.IncidentAt, o.CreatedAt });
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(o => o.RequestId);
    }
}

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

internal sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.ToTable("Disclosures");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => new { d.RequestId, d.DisclosedAt });
        builder.HasOne<RecordsRequest>().WithMany().HasForeignKey(d => d.RequestId);
        builder.Property(d => d.RecipientName).HasMaxLength(400).HasAnnotation(SensitiveFields.Annotation, true);
        builder.Property(d => d.RecipientAddress).HasMaxLength(500).HasAnnotation(SensitiveFields.Annotation, true);
        builder.Property(d => d.Description).HasMaxLength(1000);
        builder.Property(d => d.Purpose).HasMaxLength(500);
        builder.Property(d => d.Method).HasMaxLength(40);
        builder.Property(d => d.LegalBasis).HasMaxLength(40);
        SensitiveFields.MapDisclosurePatient(builder);
    }
}

internal sealed class ChildConfigurations :
    IEntityTypeConfiguration<RequestDocument>, IEntityTypeConfiguration<RequestNote>, IEntityTypeConfiguration<Payment>,
    IEntityTypeConfiguration<LifecycleDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<RequestDocument> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.StorageKey).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<RequestNote> builder)
    {
        builder.ToTable("Notes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Author).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");
        builder.Property(p => p.Id).ValueGeneratedNever();
        // The dashboard sums payments received in a period.
        builder.HasIndex(p => p.ReceivedAt);
        builder.Property(p => p.CheckNumber).HasMaxLength(40);
        builder.Property(p => p.RecordedBy).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<LifecycleDefinitionRecord> builder)
    {
        builder.ToTable("LifecycleDefinitions");
        builder.HasKey(d => new { d.Name, d.Version });
        builder.Property(d => d.Name).HasMaxLength(80);
        builder.Property(d => d.Sha256).HasMaxLength(64);
    }
}

internal static class JsonColumn
{
    public static ValueConverter<T, string> Converter<T>() where T : new() => new(
        value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null),
        text => JsonSerializer.Deserialize<T>(text, (JsonSerializerOptions?)null) ?? new T());

    public static ValueComparer<T> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
        value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, (JsonSerializerOptions?)null), (JsonSerializerOptions?)null)!);
}
