using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.PostalMailing;

/// <summary>
/// The daily mailing batch: every request ready for release by mail is marked mailed through the lifecycle ("Mail",
/// which logs the disclosure and completes it), then one PDF is printed with the cover letters (and invoices) and
/// address labels of exactly those that were marked. A request someone else changed meanwhile is skipped and reported;
/// running again mails nobody twice, because a mailed request is no longer ready for release.
/// </summary>
public sealed class MailingBatchService(
    BackOfficeDbContext db,
    IServiceScopeFactory scopes,
    MailingBatchStore store,
    IOptions<SiteOptions> site,
    LocalizedSite sites,
    Pdf.Documents.LetterWords words,
    DepartmentClock clock,
    ILogger<MailingBatchService> logger)
{
    public const string MailTrigger = "Mail";
    public const string ReadyState = "ReadyForRelease";
    public const string LeaseName = "mailing-batch";
    public static readonly TimeSpan LeaseStaleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Requests that would go in a batch now, in batch order.</summary>
    public async Task<IReadOnlyList<MailingCandidate>> CandidatesAsync(CancellationToken cancellationToken = default) =>
        await db.Requests.AsNoTracking()
            .Where(r => r.State == ReadyState && r.Delivery == DeliveryMethod.Mail)
            .OrderBy(r => r.TrackingNumber)
            .Select(r => new MailingCandidate(r.Id, r.TrackingNumber, r.Version, r.Recipient.Name, r.Recipient.Address.City,
                r.Recipient.Address.State, r.FeeTotal, r.FeeWaivedReason != null))
            .ToListAsync(cancellationToken);

    /// <summary>Marks every candidate mailed as <paramref name="actor"/> and stores the batch PDF for <paramref name="day"/>.</summary>
    public async Task<MailingBatchResult> CreateAsync(DateOnly day, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await store.Gate.WaitAsync(cancellationToken);
        try
        {
            await TakeTheBatchLeaseAsync(cancellationToken);
            try
            {
                return await CreateHoldingTheLeaseAsync(day, actor, cancellationToken);
            }
            finally
            {
                await JobLease.ReleaseAsync(db, LeaseName);
            }
        }
        finally
        {
            store.Gate.Release();
        }
    }

    /// <summary>
    /// One batch at a time across every node sharing the database (the gate above is this node's): a second one waits
    /// for the first, then finds what it mailed no longer ready. A lease left by a node that died is taken over after
    /// <see cref="LeaseStaleAfter"/>.
    /// </summary>
    private async Task TakeTheBatchLeaseAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (!await JobLease.TryAcquireAsync(db, LeaseName, clock.Now, LeaseStaleAfter, cancellationToken))
        {
            if (waited >= LeaseStaleAfter)
                throw new TimeoutException("Another mailing batch has been running for too long; try again in a few minutes.");
            await Task.Delay(LeasePollInterval, cancellationToken);
            waited += LeasePollInterval;
        }
    }

    private async Task<MailingBatchResult> CreateHoldingTheLeaseAsync(DateOnly day, Actor actor, CancellationToken cancellationToken)
    {
        var id = MailingBatchStore.NewId(day);
        var (mailed, skipped) = await MarkAsync(await CandidatesAsync(cancellationToken), id, actor, cancellationToken);
        if (mailed.Count == 0)
        {
            logger.LogInformation("Mailing batch for {Day}: nothing mailed, {Skipped} skipped", day, skipped.Count);
            return new MailingBatchResult(null, null, [], skipped);
        }

        // The record first: if printing fails, the batch is still listed and its PDF is printed on download.
        var record = new MailingBatchRecord(id, day, clock.Now, actor.DisplayName, $"mailing-{id}.pdf", mailed, skipped);
        await store.SaveRecordAsync(record, cancellationToken);
        await PrintAsync(record, cancellationToken);
        logger.LogInformation("Mailing batch {BatchId}: {Mailed} mailed, {Skipped} skipped", id, mailed.Count, skipped.Count);
        return new MailingBatchResult(id, store.PathOf(id), mailed, skipped);
    }

    /// <summary>The batch's PDF; printed again from its requests (closed, so unchanged) and the batch's day if the file is missing.</summary>
    public async Task<Stream> OpenPdfAsync(MailingBatchRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (store.TryOpenPdf(record) is { } stored) return stored;
        logger.LogWarning("Mailing batch {BatchId} has no PDF; printing it again", record.Id);
        return new MemoryStream(await PrintAsync(record, cancellationToken), writable: false);
    }

    /// <summary>Printed from the requests as committed, so the PDF holds exactly the ones marked mailed.</summary>
    private async Task<byte[]> PrintAsync(MailingBatchRecord record, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(record.Mailed, cancellationToken);
        var pdf = MailingBatchPdf.Render(site.Value, record.Day, clock, items, sites, words);
        await store.SavePdfAsync(record.Id, pdf, cancellationToken);
        return pdf;
    }

    private async Task<(List<MailedRequest> Mailed, List<SkippedRequest> Skipped)> MarkAsync(IReadOnlyList<MailingCandidate> candidates,
        string batchId, Actor actor, CancellationToken cancellationToken)
    {
        var mailed = new List<MailedRequest>();
        var skipped = new List<SkippedRequest>();
        var args = new TriggerArgs(comment: $"Mailing batch {batchId}");
        foreach (var candidate in candidates)
        {
            var reason = await MarkOneAsync(candidate, args, actor, cancellationToken);
            if (reason is null) mailed.Add(new MailedRequest(candidate.Id, candidate.TrackingNumber));
            else skipped.Add(new SkippedRequest(candidate.Id, candidate.TrackingNumber, reason));
        }

        return (mailed, skipped);
    }

    /// <summary>Null when marked; otherwise why not. Each in its own scope: one refusal leaves nothing behind for the next.</summary>
    private async Task<string?> MarkOneAsync(MailingCandidate candidate, TriggerArgs args, Actor actor, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<LifecycleEngine>();
        try
        {
            await engine.FireAsync(candidate.Id, MailTrigger, actor, args, candidate.Version, cancellationToken);
            return null;
        }
        catch (ConcurrencyConflictException)
        {
            return "someone else changed it after the batch started; it goes in the next batch if it is still to be mailed";
        }
        catch (TransitionRefusedException ex)
        {
            return "not possible now: " + string.Join("; ", ex.Reasons);
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
        catch (RequestNotFoundException)
        {
            return "the request no longer exists";
        }
    }

    private async Task<List<MailingItem>> ItemsAsync(IReadOnlyList<MailedRequest> mailed, CancellationToken cancellationToken)
    {
        var ids = mailed.Select(m => m.RequestId).ToList();
        var requests = await db.Requests.AsNoTracking().Include(r => r.Payments).AsSplitQuery()
            .Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var invoiced = await db.Journal.AsNoTracking()
            .Where(j => ids.Contains(j.RequestId) && j.ToState == RequestDocumentRenderer.InvoiceState)
            .Select(j => new { j.RequestId, j.Sequence, j.OccurredAt })
            .ToListAsync(cancellationToken);
        var issuedOn = invoiced.GroupBy(j => j.RequestId)
            .ToDictionary(g => g.Key, g => clock.DayOf(g.MaxBy(j => j.Sequence)!.OccurredAt));
        return ids.Where(requests.ContainsKey).Select(id =>
        {
            var request = requests[id];
            var invoice = request.FeeTotal is > 0m
                ? new InvoiceTerms(issuedOn.TryGetValue(id, out var day) ? day : clock.Today, null)
                : null;
            return new MailingItem(request, invoice);
        }).ToList();
    }
}
