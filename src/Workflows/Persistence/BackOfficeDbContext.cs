using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The request store. Each provider has a subclass that owns its migrations (SQLite is the embedded
/// default, PostgreSQL the multi-node option); the model is the same.
/// </summary>
public abstract class BackOfficeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RecordsRequest> Requests => Set<RecordsRequest>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ScheduledTimer> Timers => Set<ScheduledTimer>();
    public DbSet<Disclosure> Disclosures => Set<Disclosure>();
    public DbSet<RequestDocument> Documents => Set<RequestDocument>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<RequestNote> Notes => Set<RequestNote>();
    public DbSet<LifecycleDefinitionRecord> LifecycleDefinitions => Set<LifecycleDefinitionRecord>();
    public DbSet<RuleSetVersion> RuleSets => Set<RuleSetVersion>();
    public DbSet<Auditing.AuditEntry> Audit => Set<Auditing.AuditEntry>();
    public DbSet<RuleSetChange> RuleSetChanges => Set<RuleSetChange>();
    public DbSet<Portal.PortalGrant> PortalGrants => Set<Portal.PortalGrant>();
    public DbSet<Uploads.StagedUpload> StagedUploads => Set<Uploads.StagedUpload>();
    public DbSet<Uploads.ClientUpload> ClientUploads => Set<Uploads.ClientUpload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BackOfficeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so the database reads on its own and reordering members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
    }
}
