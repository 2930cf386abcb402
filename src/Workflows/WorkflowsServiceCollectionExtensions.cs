using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Workflows;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// The request store, the lifecycle engine and its catalogs. The host must register an
    /// <see cref="IRequestEvaluator"/> (the Rules project does) and the <see cref="FieldEncryption"/> that encrypts the
    /// sensitive columns (the web host makes it from its key-encryption key). Any <see cref="IInterceptor"/> registered in
    /// the container is added to the context too (diagnostics, fault injection in tests).
    /// </summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, WorkflowsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A retention policy shorter than the law allows stops the app here, before it starts, naming the setting.
        options.Retention.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DepartmentClock(sp.GetRequiredService<TimeProvider>(), options.TimeZone));
        services.AddSingleton<AuditStampingInterceptor>();
        services.AddSingleton<IInterceptor, Auditing.AuditImmutabilityInterceptor>();
        services.AddSingleton<IInterceptor, Auditing.AuditCommandGuard>();
        services.AddSingleton<SqliteDurabilityInterceptor>();
        services.AddSingleton(WriteGate.For(options.Database));
        services.AddSingleton(sp => new GateStatementInterceptor(sp.GetRequiredService<WriteGate>()));
        services.AddSingleton<Limits.AttemptCounterStore>();

        // The contexts' options (provider, connection string, the singleton interceptors) are built once, not for every
        // scope: a context is made for each request and each job.
        if (options.Database.Provider == DatabaseProvider.PostgreSql)
        {
            var connection = options.Database.ConnectionString
                ?? throw new InvalidOperationException("PostgreSQL needs a connection string (BackOffice:Database:ConnectionString).");
            services.AddDbContext<PostgresBackOfficeDbContext>((sp, db) => db
                .UseNpgsql(connection)
                .ConfigureWarnings(FailOnSharedOwnedInstances)
                .AddInterceptors(EncryptedColumnQueryGuard.Instance, sp.GetRequiredService<AuditStampingInterceptor>())
                .AddInterceptors(sp.GetServices<IInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<BackOfficeDbContext>(sp => sp.GetRequiredService<PostgresBackOfficeDbContext>());
        }
        else
        {
            var connection = options.Database.SqliteConnectionString();
            services.AddDbContext<SqliteBackOfficeDbContext>((sp, db) => db
                .UseSqlite(connection)
                .ConfigureWarnings(FailOnSharedOwnedInstances)
                .AddInterceptors(EncryptedColumnQueryGuard.Instance, sp.GetRequiredService<AuditStampingInterceptor>(),
                    sp.GetRequiredService<SqliteDurabilityInterceptor>())
                .AddInterceptors(sp.GetServices<IInterceptor>())
                // Last: the audit's guard and any other command interceptor see the command before it runs.
                .AddInterceptors(sp.GetRequiredService<GateStatementInterceptor>()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<BackOfficeDbContext>(sp => sp.GetRequiredService<SqliteBackOfficeDbContext>());
        }

        services.AddSingleton(GuardCatalog.Default);
        services.AddSingleton(sp => StandardActivities.Create(sp.GetRequiredService<IRequestEvaluator>()));
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<DefinitionRegistry>();
        services.AddSingleton<MachineBuilder>();
        services.AddSingleton<ChannelOutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<ChannelOutboxSignal>());
        services.AddScoped<Organisations.WebhookSubscriptions>();
        services.AddScoped<LifecycleEngine>();
        services.AddScoped<TimerSweeper>();
        services.AddMemoryCache();
        services.AddScoped<Queue.RequestQueue>();
        services.AddScoped<Reporting.DashboardQuery>();
        services.AddScoped<Disclosures.DisclosureAccounting>();
        services.AddScoped<Disclosures.DisclosureRecorder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<EncryptedColumns>();
        services.AddScoped<RuleSets.RuleSetStore>();
        // Needs the host's IStoredDocumentFiles (the web app's document store).
        services.AddScoped<Retention.RetentionPurge>();
        services.AddScoped<Organisations.RequesterOrganisations>();
        services.AddScoped<Organisations.OrganisationRequestList>();
        return services;
    }

    /// <summary>
    /// One object owned twice (the same address as the patient's and the recipient's) would make an edit of one change
    /// the other; EF Core only warns of it, so it is made an error that stops the save.
    /// </summary>
    private static void FailOnSharedOwnedInstances(WarningsConfigurationBuilder warnings) =>
        warnings.Throw(CoreEventId.DuplicateDependentEntityTypeInstanceWarning);
}
