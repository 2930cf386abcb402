using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The request store. Each provider has a subclass that owns its migrations (SQLite is the embedded
/// default, PostgreSQL the multi-node option); the model is the same. Sensitive columns are encrypted with
/// <see cref="Fields"/> (see <see cref="SensitiveFields"/>).
/// </summary>
public abstract class BackOfficeDbContext(DbContextOptions options, FieldEncryption fields) : DbContext(options)
{
    /// <summary>The keys of the encrypted columns; queries use it for the search hashes of exact matches.</summary>
    public FieldEncryption Fields { get; } = fields ?? throw new ArgumentNullException(nameof(fields));

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
    public DbSet<Limits.AttemptCounter> AttemptCounters => Set<Limits.AttemptCounter>();
    public DbSet<Uploads.ClientUpload> ClientUploads => Set<Uploads.ClientUpload>();
    public DbSet<EncryptionKeyRecord> EncryptionKeys => Set<EncryptionKeyRecord>();
    public DbSet<Organisations.RequesterOrganisation> RequesterOrganisations => Set<Organisations.RequesterOrganisation>();
    public DbSet<Organisations.ApiKey> ApiKeys => Set<Organisations.ApiKey>();
    public DbSet<Organisations.WebhookDelivery> WebhookDeliveries => Set<Organisations.WebhookDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BackOfficeDbContext).Assembly);
        FieldConverters.Apply(modelBuilder.Model, Fields);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // The model holds this context's keys (its converters), so it is cached per set of keys.
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, FieldEncryptionModelCacheKeyFactory>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = DetectChangesOnce();
        try
        {
            SearchHashes.Fill(this);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = DetectChangesOnce();
        try
        {
            SearchHashes.Fill(this);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Compares every tracked entity with its snapshot once, then turns automatic detection off for the rest of the save:
    /// the search hashes, each interceptor's look at the entries and SaveChanges itself each ran the whole comparison
    /// again (five times a commit, for a request of over a hundred columns). Whatever they change from here goes through
    /// the entry API, which tracks it at once. Returns the setting to restore afterwards.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        if (detecting) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detecting;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so the database reads on its own and reordering members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
    }
}
