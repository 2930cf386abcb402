using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.RuleSets;
using BackOffice.Workflows.Time;

namespace BackOffice.Rules;

/// <summary>
/// The rule sets published in the database, as the evaluator reads them: the version in force today
/// (latest effective date on or before today). Refreshed at start-up, after every publish or rollback
/// in this process, and periodically so that other nodes' changes arrive.
/// </summary>
public sealed class PublishedRuleSetSource(DepartmentClock clock) : IRuleSetSource
{
    private IReadOnlyList<RuleSetVersion> _published = [];

    public RuleSet Current => InForce(clock.Today)
        ?? throw new InvalidOperationException($"No published rule set is in force on {clock.Today:yyyy-MM-dd}; a RulesAdmin must publish one.");

    public bool Loaded => Volatile.Read(ref _published).Count > 0;

    public RuleSet? InForce(DateOnly day) =>
        RuleSetStore.InForce(Volatile.Read(ref _published), day) is { } version ? new RuleSet(version.Version, version.Files) : null;

    public void Refresh(IEnumerable<RuleSetVersion> published) => Volatile.Write(ref _published, [.. published]);
}

/// <summary>
/// What the rules workbench does to rule sets: the store's changes plus keeping this process's
/// evaluator on the version in force, and checking a draft the way publishing will.
/// </summary>
public sealed class RuleSetAdministration(RuleSetStore store, PublishedRuleSetSource source, RuleSetCache cache)
{
    /// <summary>Seeds version 1 from the shipped files on an empty database and loads what is published.</summary>
    public async Task InitializeAsync(string shippedDirectory, CancellationToken cancellationToken = default)
    {
        await store.SeedAsync(RuleSet.FromDirectory(shippedDirectory).Documents, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Compiles the version in force now (kept in the cache), so the first request does not wait for it.</summary>
    public void CompileCurrent() => cache.Get(source.Current);

    public async Task RefreshAsync(CancellationToken cancellationToken = default) =>
        source.Refresh(await store.PublishedAsync(cancellationToken));

    public async Task PublishAsync(int version, DateOnly effectiveFrom, string by, CancellationToken cancellationToken = default)
    {
        await store.PublishAsync(version, effectiveFrom, by, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    public async Task RollbackAsync(int version, string reason, string by, CancellationToken cancellationToken = default)
    {
        await store.RollbackAsync(version, reason, by, cancellationToken);
        await RefreshAsync(cancellationToken);
    }

    /// <summary>Compiles any version (a draft is compiled afresh; it may have changed since).</summary>
    public static RuleSetCompilation Compile(RuleSetVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return RuleSetCompiler.Compile(new RuleSet(version.Version, version.Files));
    }
}
