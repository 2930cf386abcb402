using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>The Workflows services as the app wires them, over a real database, with fake time and rules.</summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero); // a Monday, 9 am in Chicago

    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;

    private EngineHarness(TestDatabase database, string definitionsDirectory, Action<IServiceCollection>? configure)
    {
        _database = database;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IRequestEvaluator>(Rules);
        services.AddSingleton<IInterceptor>(Faults);
        services.AddSingleton<BackOffice.Workflows.RuleSets.IRuleSetValidator, FakeRuleSetValidator>();
        services.AddSingleton(TestFields.Shared);
        configure?.Invoke(services);
        services.AddWorkflows(new WorkflowsOptions { Database = database.Options, DefinitionsDirectory = definitionsDirectory });
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public FakeEvaluator Rules { get; } = new();
    public FaultInjector Faults { get; } = new();
    public IServiceProvider Services => _services;

    public static string ShippedDefinitions => Path.Combine(AppContext.BaseDirectory, "workflows");

    public static async Task<EngineHarness> CreateAsync(TestDatabase database, string? definitionsDirectory = null,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var harness = new EngineHarness(database, definitionsDirectory ?? ShippedDefinitions, configure);
        await harness.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        return harness;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public Task<RecordsRequest> StartAsync(RecordsRequestDraft? draft = null, DateOnly? receivedOn = null) =>
        InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().StartAsync(
            draft ?? new RequestDraftBuilder().Build(), receivedOn ?? DateOnly.FromDateTime(Start.UtcDateTime), Staff.Clerk));

    public Task<FireResult> FireAsync(Guid requestId, string trigger, Actor actor, TriggerArgs? args = null, int? expectedVersion = null) =>
        InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().FireAsync(requestId, trigger, actor, args ?? TriggerArgs.None, expectedVersion));

    public Task<IReadOnlyList<ActionAvailability>> ActionsAsync(Guid requestId, Actor actor) =>
        InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().GetActionsAsync(requestId, actor));

    public Task<int> SweepTimersAsync() => InScopeAsync(sp => sp.GetRequiredService<TimerSweeper>().FireDueAsync());

    public Task<RecordsRequest> LoadAsync(Guid requestId) => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .Requests.AsNoTracking().Include(r => r.Payments).Include(r => r.Documents).FirstAsync(r => r.Id == requestId));

    public Task<List<JournalEntry>> JournalAsync(Guid requestId) => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .Journal.AsNoTracking().Where(j => j.RequestId == requestId).OrderBy(j => j.Sequence).ToListAsync());

    public Task<List<OutboxMessage>> OutboxAsync(Guid requestId) => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .Outbox.AsNoTracking().Where(o => o.RequestId == requestId).OrderBy(o => o.Id).ToListAsync());

    public Task<List<ScheduledTimer>> TimersAsync(Guid requestId) => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .Timers.AsNoTracking().Where(t => t.RequestId == requestId).OrderBy(t => t.Id).ToListAsync());

    public Task<List<Disclosure>> DisclosuresAsync(Guid requestId) => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .Disclosures.AsNoTracking().Where(d => d.RequestId == requestId).ToListAsync());

    /// <summary>Adds a document row directly, as an upload would, so package guards can be met.</summary>
    public Task AttachAsync(Guid requestId, DocumentKind kind) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BackOfficeDbContext>();
        var request = await db.Requests.Include(r => r.Documents).FirstAsync(r => r.Id == requestId);
        db.Add(request.AddDocument(kind, "package.pdf", "application/pdf", 1024, "key", new string('0', 64), Time.GetUtcNow()));
        await db.SaveChangesAsync();
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
