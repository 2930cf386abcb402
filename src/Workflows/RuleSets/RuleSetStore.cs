using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.RuleSets;

/// <summary>
/// The versions of the fee and release rules in the database: seeding version 1 from the shipped
/// files, drafts, publishing with an effective date, rollback, and the audit of each change. Every
/// change is one transaction: the version row and its audit row.
/// </summary>
public sealed class RuleSetStore(BackOfficeDbContext db, IRuleSetValidator validator, DepartmentClock clock)
{
    public static readonly DateOnly SeedEffectiveFrom = new(2000, 1, 1);

    public async Task SeedAsync(IReadOnlyDictionary<string, string> shippedFiles, CancellationToken cancellationToken = default)
    {
        if (await db.RuleSets.AnyAsync(cancellationToken)) return;
        var problems = validator.Validate(shippedFiles);
        if (problems.Count > 0) throw new InvalidRuleSetException(1, problems);
        var first = RuleSetVersion.NewDraft(1, shippedFiles, "Shipped rules", "system", clock.Now);
        first.Publish(SeedEffectiveFrom, "system", clock.Now);
        db.RuleSets.Add(first);
        db.RuleSetChanges.Add(RuleSetChange.Record(1, "Seeded", "system", clock.Now, "from the shipped rule files"));
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<List<RuleSetVersion>> ListAsync(CancellationToken cancellationToken = default) =>
        db.RuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(cancellationToken);

    public Task<List<RuleSetVersion>> PublishedAsync(CancellationToken cancellationToken = default) =>
        db.RuleSets.AsNoTracking().Where(r => r.Status == RuleSetStatus.Published).ToListAsync(cancellationToken);

    public async Task<RuleSetVersion> GetAsync(int version, CancellationToken cancellationToken = default) =>
        await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Version == version, cancellationToken)
        ?? throw new DomainException($"Rule set version {version} does not exist.");

    public Task<List<RuleSetChange>> HistoryAsync(CancellationToken cancellationToken = default) =>
        db.RuleSetChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(cancellationToken);

    /// <summary>The published version in force on <paramref name="day"/>: latest effective date, then highest version.</summary>
    public static RuleSetVersion? InForce(IEnumerable<RuleSetVersion> published, DateOnly day) => published
        .Where(r => r.Status == RuleSetStatus.Published && r.EffectiveFrom <= day)
        .OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Version)
        .FirstOrDefault();

    public async Task<RuleSetVersion> CreateDraftAsync(int fromVersion, string description, string by, CancellationToken cancellationToken = default)
    {
        var source = await GetAsync(fromVersion, cancellationToken);
        var next = (await db.RuleSets.MaxAsync(r => (int?)r.Version, cancellationToken) ?? 0) + 1;
        var draft = RuleSetVersion.NewDraft(next, source.Files, string.IsNullOrWhiteSpace(description) ? $"Draft from version {fromVersion}" : description.Trim(), by, clock.Now);
        db.RuleSets.Add(draft);
        db.RuleSetChanges.Add(RuleSetChange.Record(next, "DraftCreated", by, clock.Now, $"copied from version {fromVersion}"));
        await SaveAsync(cancellationToken);
        return draft;
    }

    /// <summary>Saves a file of a draft even when it has problems (work is never lost); the problems are returned.</summary>
    public async Task<IReadOnlyList<RuleSetProblem>> EditDraftAsync(int version, string fileName, string json, int expectedRevision,
        string by, CancellationToken cancellationToken = default)
    {
        var draft = await db.RuleSets.FirstOrDefaultAsync(r => r.Version == version, cancellationToken)
            ?? throw new DomainException($"Rule set version {version} does not exist.");
        if (draft.Revision != expectedRevision)
            throw new ConcurrencyConflictException("Someone else saved this draft since you opened it. Reload it and make your change again.");
        var before = draft.Files.GetValueOrDefault(fileName);
        draft.EditFile(fileName, json);
        db.RuleSetChanges.Add(RuleSetChange.Record(version, "DraftEdited", by, clock.Now,
            $"{fileName}: {before?.Length ?? 0} → {json.Length} characters"));
        await SaveAsync(cancellationToken);
        return validator.Validate(draft.Files);
    }

    public async Task PublishAsync(int version, DateOnly effectiveFrom, string by, CancellationToken cancellationToken = default)
    {
        var draft = await db.RuleSets.FirstOrDefaultAsync(r => r.Version == version, cancellationToken)
            ?? throw new DomainException($"Rule set version {version} does not exist.");
        var problems = validator.Validate(draft.Files);
        if (problems.Count > 0) throw new InvalidRuleSetException(version, problems);
        draft.Publish(effectiveFrom, by, clock.Now);
        db.RuleSetChanges.Add(RuleSetChange.Record(version, "Published", by, clock.Now, $"effective from {effectiveFrom:yyyy-MM-dd}"));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Takes a published version out of force; the one before it applies again.</summary>
    public async Task RollbackAsync(int version, string reason, string by, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Give the reason for the rollback.", "reason");
        var published = await db.RuleSets.FirstOrDefaultAsync(r => r.Version == version, cancellationToken)
            ?? throw new DomainException($"Rule set version {version} does not exist.");
        var others = await db.RuleSets.CountAsync(r => r.Status == RuleSetStatus.Published && r.Version != version, cancellationToken);
        if (others == 0) throw new DomainException("This is the only published rule set; publish another before rolling it back.");
        published.Withdraw(by, clock.Now);
        db.RuleSetChanges.Add(RuleSetChange.Record(version, "RolledBack", by, clock.Now, reason.Trim()));
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException("Someone else changed the rule sets at the same time. Reload and try again.", ex);
        }
    }
}
