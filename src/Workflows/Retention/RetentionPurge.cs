using System.Globalization;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Retention;

/// <summary>
/// Applies the retention policy (<see cref="RetentionOptions"/>) once: every request closed (a final state of its lifecycle)
/// before the start of the day <c>YearsAfterClosure</c> years ago — and whose authorization, if it names an expiry date,
/// expired before that day too, since 45 CFR 164.530(j)(2) counts from when it was last in effect — loses its documents (rows
/// and stored files), notes, messages, timers and portal links, and its personal data is reduced
/// (<see cref="RecordsRequest.RemovePersonalData"/>). A request with a disclosure still in the accounting of disclosures
/// (younger than six years, 45 CFR 164.528) keeps the patient's name, date of birth and MRN, which the accounting finds it
/// by, until a later run finds none left there. A disclosure recorded without a request (a public-health report, a court
/// order), which names its patient itself, loses its patient, recipient, description and purpose once it is older than both
/// the accounting and the policy's years (<see cref="DueDisclosures"/>). Audit rows older than <c>AuditYears</c> are removed
/// (<see cref="AuditRetention"/>). A dry run lists the same requests and counts the same rows, and changes nothing.
/// <para>Each request is reduced in its own transaction, together with its audit row and its line in the run's report. Its
/// document files are deleted only after that commit: the commit removes the rows and records the files' storage keys on the
/// report line, then the files go and the line is marked done. A crash before the commit changes nothing (the rows still
/// name files that exist); a crash after it leaves rows that name nothing and a list of files to delete, which the next run
/// finishes first. The opposite order could leave a request pointing to files already gone. Disclosures recorded without a
/// request go in batches of <see cref="BatchSize"/>, each batch one commit with an audit row per disclosure and the run's
/// count.</para>
/// </summary>
public sealed class RetentionPurge(BackOfficeDbContext db, DepartmentClock clock, WorkflowsOptions workflows, IStoredDocumentFiles files,
    IEnumerable<IRetentionFileSweep> sweeps, WriteGate gate, DefinitionRegistry definitions, ILogger<RetentionPurge> logger)
{
    /// <summary>The audit action of one request, or one disclosure recorded without a request, reduced.</summary>
    public const string PurgeAction = "RetentionPurge";
    /// <summary>The audit action of a run's summary.</summary>
    public const string RunAction = "RetentionRun";
    /// <summary>The audit action of a dry run's summary.</summary>
    public const string DryRunAction = "RetentionDryRun";

    public const int BatchSize = 100;

    public RetentionOptions Policy => workflows.Retention;

    /// <summary>
    /// Runs the policy now for <paramref name="by"/> (the system, or a supervisor asking for a dry run), whose audit rows carry
    /// <paramref name="userName"/> (the account's user name, as every audit row; the display name when not given) and
    /// <paramref name="ipAddress"/>. Returns the run as stored, with its items.
    /// </summary>
    public async Task<RetentionRun> RunAsync(bool dryRun, Actor by, string? userName = null, string? ipAddress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var auditor = new Auditor(by.Id, userName ?? by.DisplayName, ipAddress);
        Policy.Validate();
        var cutoffs = RetentionCutoffs.For(clock, Policy);
        if (!dryRun) await FinishFileDeletionsAsync(cancellationToken);

        var run = RetentionRun.Start(cutoffs, Policy, dryRun, by.Id, by.DisplayName, clock.Now);
        db.Add(run);
        await SaveAsync(cancellationToken); // on record before anything changes
        db.ChangeTracker.Clear();

        var skipped = 0;
        var disclosuresDue = 0;
        try
        {
            if (dryRun)
            {
                await ListAsync(run.Id, cutoffs, cancellationToken);
                disclosuresDue = await DueDisclosures(cutoffs).CountAsync(cancellationToken);
            }
            else
            {
                skipped = await ReduceAllAsync(run.Id, cutoffs, auditor, cancellationToken);
                await ReduceDisclosuresAsync(run.Id, cutoffs, auditor, cancellationToken);
            }

            var batches = 0;
            foreach (var sweep in sweeps)
                batches += await sweep.SweepAsync(cutoffs.ClosedBeforeDay, (ids, cancel) => ReducedAsync(ids, cutoffs, dryRun, cancel), dryRun, cancellationToken);
            var auditRows = dryRun
                ? await AuditRetention.CountOlderThanAsync(db, cutoffs.AuditBefore, cancellationToken)
                : await AuditRetention.RemoveOlderThanAsync(db, cutoffs.AuditBefore, clock.Now, cancellationToken);
            return await FinishAsync(run.Id, auditRows, batches, skipped, disclosuresDue, auditor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Set<RetentionRun>().SingleAsync(r => r.Id == run.Id, CancellationToken.None);
            stored.Fail(clock.Now, $"Stopped: {ex.GetType().Name}. The requests listed were reduced; the next run carries on.");
            await SaveAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>The requests due now, as the run finds them (a dry run's "would go" list too).</summary>
    private IQueryable<RecordsRequest> Due(RetentionCutoffs cutoffs)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var closedBefore = cutoffs.ClosedBefore;
        var expiredBefore = cutoffs.ClosedBeforeDay;
        var since = cutoffs.AccountingSince;
        return db.Requests.AsNoTracking()
            .Where(r => r.ClosedAt != null && r.ClosedAt < closedBefore && (r.ExpiresOn == null || r.ExpiresOn < expiredBefore))
            .Where(r => r.RetentionStage == RetentionStage.Kept
                || (r.RetentionStage == RetentionStage.PatientKeptForAccounting
                    && !db.Disclosures.Any(d => d.RequestId == r.Id && d.DisclosedAt >= since)));
    }

    /// <summary>Whether every one of these requests is reduced (in a dry run: or would be by this run).</summary>
    private async Task<bool> ReducedAsync(IReadOnlyCollection<Guid> ids, RetentionCutoffs cutoffs, bool dryRun, CancellationToken cancellationToken)
    {
        List<Guid> wanted = [.. ids.Distinct()];
        var kept = await db.Requests.AsNoTracking().Where(r => wanted.Contains(r.Id) && r.RetentionStage == RetentionStage.Kept)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        if (kept.Count == 0 || !dryRun) return kept.Count == 0;
        return await Due(cutoffs).CountAsync(r => kept.Contains(r.Id), cancellationToken) == kept.Count;
    }

    private IQueryable<Candidate> Candidates(RetentionCutoffs cutoffs, IReadOnlyCollection<Guid>? passedOver = null)
    {
        var since = cutoffs.AccountingSince;
        var due = Due(cutoffs);
        if (passedOver is { Count: > 0 }) due = due.Where(r => !passedOver.Contains(r.Id));
        return due.OrderBy(r => r.ClosedAt).ThenBy(r => r.Id).Select(r => new Candidate(r.Id, r.TrackingNumber, r.ClosedAt!.Value,
            r.RetentionStage, r.State, r.DefinitionName, r.DefinitionVersion, db.Documents.Count(d => d.RequestId == r.Id),
            db.Disclosures.Any(d => d.RequestId == r.Id && d.DisclosedAt >= since)));
    }

    private async Task ListAsync(Guid runId, RetentionCutoffs cutoffs, CancellationToken cancellationToken)
    {
        for (var page = 0; ; page++)
        {
            var batch = await Candidates(cutoffs).Skip(page * BatchSize).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var candidate in batch.Where(IsFinal))
            {
                db.Add(RetentionRunItem.Create(runId, candidate.Id, candidate.TrackingNumber, clock.DayOf(candidate.ClosedAt),
                    candidate.InAccounting ? RetentionStage.PatientKeptForAccounting : RetentionStage.Reduced, candidate.Documents, null));
            }

            await SaveAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize) return;
        }
    }

    private async Task<int> ReduceAllAsync(Guid runId, RetentionCutoffs cutoffs, Auditor by, CancellationToken cancellationToken)
    {
        // Each request reduced leaves the due list, so the next batch is again the first; those left as they were are
        // passed over by id.
        var passedOver = new HashSet<Guid>();
        while (true)
        {
            var batch = await Candidates(cutoffs, [.. passedOver]).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return passedOver.Count;
            foreach (var candidate in batch)
            {
                if (!IsFinal(candidate) || !await ReduceAsync(runId, candidate, cutoffs, by, cancellationToken))
                    passedOver.Add(candidate.Id);
            }
        }
    }

    /// <summary>One request, in one transaction; then its files. False when it was left as it was.</summary>
    private async Task<bool> ReduceAsync(Guid runId, Candidate candidate, RetentionCutoffs cutoffs, Auditor by, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        RetentionRunItem item;
        try
        {
            var request = await db.Requests.Include(r => r.Documents).Include(r => r.Notes).Include(r => r.Payments)
                .SingleAsync(r => r.Id == candidate.Id, cancellationToken);
            var disclosures = await db.Disclosures.Where(d => d.RequestId == request.Id).ToListAsync(cancellationToken);
            var journal = await db.Journal.Where(j => j.RequestId == request.Id).ToListAsync(cancellationToken);
            var keepPatient = disclosures.Any(d => d.DisclosedAt >= cutoffs.AccountingSince);
            var before = request.RetentionStage;

            var (documents, notes) = request.RemovePersonalData(now, keepPatient);
            db.Documents.RemoveRange(documents);
            db.Notes.RemoveRange(notes);
            foreach (var entry in journal) entry.RemovePersonalData();
            foreach (var disclosure in disclosures.Where(d => d.DisclosedAt < cutoffs.AccountingSince)) disclosure.RemovePersonalData();

            List<string> keys = [.. documents.Select(d => d.StorageKey).Distinct(StringComparer.Ordinal)];
            item = RetentionRunItem.Create(runId, request.Id, request.TrackingNumber, clock.DayOf(candidate.ClosedAt), request.RetentionStage,
                documents.Count, keys);
            db.Add(item);
            db.Audit.Add(AuditEntry.Record(now, by.UserId, by.UserName, PurgeAction, request.Id, RunSubject(runId),
                PurgeOutcome(before, request.RetentionStage, documents.Count, cutoffs), by.IpAddress));

            using var turn = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Operational rows with nothing the accounting or the audit needs: message facts, portal links, timers.
            await db.PortalGrants.Where(g => g.RequestId == request.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Outbox.Where(o => o.RequestId == request.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Timers.Where(t => t.RequestId == request.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Retention: request {TrackingNumber} reduced ({Stage}), {Documents} documents removed",
                request.TrackingNumber, request.RetentionStage, documents.Count);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Retention: request {TrackingNumber} changed while it was being reduced; left for the next run", candidate.TrackingNumber);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await DeleteFilesAsync(item, cancellationToken);
        return true;
    }

    /// <summary>
    /// Disclosures recorded without a request that are due now and not yet reduced. Such a disclosure names its patient
    /// itself and is kept whole while either rule still needs it: the accounting of disclosures lists it for six years
    /// (45 CFR 164.528), and it is documentation of a disclosure, which the policy keeps as long as it keeps a closed request
    /// (<c>YearsAfterClosure</c>, never under the six years of 164.530(j)). So it is due once its date is before both
    /// cut-offs. Every recorded disclosure has a patient name, name key and recipient (the form requires them) and a reduced
    /// one has none of them left, nor a date-of-birth or MRN hash: that is the marker that keeps it from being reduced again.
    /// </summary>
    private IQueryable<Disclosure> DueDisclosures(RetentionCutoffs cutoffs)
    {
        var before = cutoffs.DisclosuresBefore;
        return db.Disclosures
            .Where(d => d.RequestId == null && d.DisclosedAt < before)
            .Where(d => d.PatientNameKey != null || d.PatientLastName != null || d.PatientFirstName != null || d.RecipientName != ""
                || EF.Property<string?>(d, SensitiveFields.DisclosureDateOfBirthHash) != null
                || EF.Property<string?>(d, SensitiveFields.DisclosureMedicalRecordNumberHash) != null);
    }

    /// <summary>
    /// Reduces the disclosures recorded without a request that are due, a batch at a time: each batch is one commit holding
    /// the reduced rows, one audit row per disclosure (naming it, so its trail reads from its recording to its reduction)
    /// and the run's count, so a run that stops keeps and reports what it did. Returns how many it reduced.
    /// </summary>
    private async Task<int> ReduceDisclosuresAsync(Guid runId, RetentionCutoffs cutoffs, Auditor by, CancellationToken cancellationToken)
    {
        var reduced = new HashSet<Guid>();
        while (true)
        {
            // Each disclosure reduced leaves the due list, so the next batch is again the first.
            var batch = await DueDisclosures(cutoffs).OrderBy(d => d.DisclosedAt).ThenBy(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return reduced.Count;
            if (!batch.TrueForAll(d => reduced.Add(d.Id)))
                throw new InvalidOperationException("A disclosure this run reduced is still due; the run stops rather than go round again.");
            try
            {
                var now = clock.Now;
                foreach (var disclosure in batch)
                {
                    var day = clock.DayOf(disclosure.DisclosedAt);
                    disclosure.RemovePersonalDataAndPatient();
                    db.Audit.Add(AuditEntry.Record(now, by.UserId, by.UserName, PurgeAction, null, RunSubject(runId),
                        DisclosureOutcome(disclosure.Id, day), by.IpAddress));
                }

                var run = await db.Set<RetentionRun>().SingleAsync(r => r.Id == runId, cancellationToken);
                run.CountDisclosuresReduced(batch.Count);
                await SaveAsync(cancellationToken); // one SaveChanges: one transaction
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            logger.LogInformation("Retention: {Count} disclosures recorded without a request reduced", batch.Count);
        }
    }

    /// <summary>Files recorded for deletion by a run that stopped between its commit and the deletion.</summary>
    private async Task FinishFileDeletionsAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Set<RetentionRunItem>().AsNoTracking().Where(i => i.FilesToDelete != null).ToListAsync(cancellationToken);
        foreach (var item in pending) await DeleteFilesAsync(item, cancellationToken);
    }

    private async Task DeleteFilesAsync(RetentionRunItem item, CancellationToken cancellationToken)
    {
        if (item.FilesToDelete is not { Count: > 0 } keys) return;
        try
        {
            foreach (var key in keys)
            {
                // A file another request still names (never in practice: each upload has its own key) is kept.
                if (await db.Documents.AnyAsync(d => d.StorageKey == key, cancellationToken)) continue;
                files.Delete(key);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            logger.LogWarning(ex, "Retention: the files of request {TrackingNumber} could not all be deleted; the next run tries again", item.TrackingNumber);
            return;
        }

        db.Attach(item);
        item.FilesDeleted(clock.Now);
        await SaveAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <param name="disclosuresDue">In a dry run, the disclosures recorded without a request that a run would reduce (a real
    /// run counted those it reduced batch by batch).</param>
    private async Task<RetentionRun> FinishAsync(Guid runId, int auditRows, int batches, int skipped, int disclosuresDue, Auditor by,
        CancellationToken cancellationToken)
    {
        var items = db.Set<RetentionRunItem>().AsNoTracking().Where(i => i.RunId == runId);
        var reduced = await items.CountAsync(i => i.Stage == RetentionStage.Reduced, cancellationToken);
        var kept = await items.CountAsync(i => i.Stage == RetentionStage.PatientKeptForAccounting, cancellationToken);
        var documents = await items.SumAsync(i => i.DocumentsRemoved, cancellationToken);
        var run = await db.Set<RetentionRun>().SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.DryRun) run.CountDisclosuresReduced(disclosuresDue);
        run.Finish(clock.Now, reduced, kept, documents, batches, auditRows, skipped);
        db.Audit.Add(AuditEntry.Record(clock.Now, by.UserId, by.UserName, run.DryRun ? DryRunAction : RunAction, null, RunSubject(runId),
            run.Summary(), by.IpAddress));
        await SaveAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Retention run {RunId}: {Summary}", runId, run.Summary());
        return await db.Set<RetentionRun>().AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Id == runId, cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private bool IsFinal(Candidate candidate)
    {
        var final = definitions.All.FirstOrDefault(d => d.Name == candidate.DefinitionName && d.Version == candidate.DefinitionVersion)
            ?.IsFinal(candidate.State) ?? false;
        if (!final) logger.LogWarning("Retention: request {TrackingNumber} has a closing date but is in {State}, not a final state; left as it is", candidate.TrackingNumber, candidate.State);
        return final;
    }

    public static string RunSubject(Guid runId) => "retention run " + runId.ToString("D", CultureInfo.InvariantCulture);

    private static string PurgeOutcome(RetentionStage before, RetentionStage after, int documents, RetentionCutoffs cutoffs) => (before, after) switch
    {
        (RetentionStage.PatientKeptForAccounting, _) =>
            "the patient's name, date of birth and MRN removed: no disclosure of the request is left in the accounting of disclosures",
        (_, RetentionStage.PatientKeptForAccounting) => string.Create(CultureInfo.InvariantCulture,
            $"{Documents(documents)} and the personal data removed, except the patient's name, date of birth and MRN, kept while a disclosure "
            + $"of the request is in the accounting of disclosures (disclosures since {cutoffs.AccountingSinceDay:yyyy-MM-dd})"),
        _ => Documents(documents) + " and the personal data removed",
    };

    private static string DisclosureOutcome(Guid disclosureId, DateOnly disclosedOn) => string.Create(CultureInfo.InvariantCulture,
        $"disclosure:{disclosureId} (recorded without a request, disclosed {disclosedOn:yyyy-MM-dd}): the patient's name, date of birth "
        + $"and MRN, the recipient, the description and the purpose removed; the date, method and legal basis kept");

    private static string Documents(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} document{(count == 1 ? "" : "s")}");

    /// <summary>Who the audit rows name.</summary>
    private sealed record Auditor(string UserId, string UserName, string? IpAddress);

    private sealed record Candidate(Guid Id, string TrackingNumber, DateTimeOffset ClosedAt, RetentionStage Stage, string State,
        string DefinitionName, int DefinitionVersion, int Documents, bool InAccounting);
}
