using BackOffice.Web.Documents;
using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.PatientAccess;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.SecureEmail;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Carries out one outbox row, at most once: claim it (its own commit), do the work, record the outcome. Webhook events
/// are posted by <see cref="Webhooks.WebhookSender"/> (at least once: a failed post is retried, the event id unchanged). Requester
/// messages are written by <see cref="IRequesterMessageComposer"/> (the portal link by <see cref="PortalOutboxHandler"/>),
/// staff messages by <see cref="IStaffMessageComposer"/>, documents by <see cref="IRequestDocumentRenderer"/> and stored
/// as request documents in the same commit that marks the row processed. A second run of the same job finds the row
/// claimed or processed and does nothing. A failure releases the claim and leaves the row due again after a pause
/// (the outbox sweep picks it up); the last allowed failure makes it an incident.
/// </summary>
public sealed class OutboxDispatcher(
    BackOfficeDbContext db,
    IServiceProvider services,
    IEmailSender email,
    DocumentStore documents,
    PortalOutboxHandler portal,
    TimeProvider time,
    IOptions<JobsOptions> options,
    WriteGate gate,
    ILogger<OutboxDispatcher> logger)
{
    public const string NoRequesterAddress = "No e-mail address on file; not sent.";
    public const string NoStaffMailbox = "No staff mailbox configured; not sent.";

    /// <summary>Pauses before writing an attempt's outcome again: about a minute in all, the span of a restart or a fail-over.</summary>
    private static readonly TimeSpan[] OutcomeRetryDelays =
        [.. new[] { 0.5, 1, 2, 4, 8, 16, 30 }.Select(TimeSpan.FromSeconds)];

    [AutomaticRetry(Attempts = 0)] // the row keeps its own attempts; the outbox sweep retries it
    [JobDisplayName("Outbox message {0}")]
    public async Task DispatchAsync(Guid outboxMessageId, CancellationToken cancellationToken = default)
    {
        using var activity = JobsTelemetry.StartDispatch(outboxMessageId);
        var message = await OutboxRow.For(db)(db, outboxMessageId, cancellationToken);
        var now = time.GetUtcNow();
        if (message is null || !message.CanClaim(now)) return; // done, in progress, waiting for staff, or not due yet

        var claim = message.Claim(now);
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Outbox message {OutboxId} was claimed by another worker", outboxMessageId);
            JobsTelemetry.Dispatched(activity, message, JobsTelemetry.Outcomes.ClaimedElsewhere);
            return;
        }

        string? note;
        try
        {
            if (message.Kind == OutboxKind.Document)
            {
                await ProduceDocumentAsync(message, claim, cancellationToken);
                JobsTelemetry.Dispatched(activity, message, JobsTelemetry.Outcomes.Sent);
                return;
            }

            note = await SendAsync(message, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stopping mid-send (cancellation) is not a failure: the claim stays and the lease decides.
            var incident = await FailAsync(outboxMessageId, claim, ex, cancellationToken);
            JobsTelemetry.Dispatched(activity, message, incident ? JobsTelemetry.Outcomes.Incident : JobsTelemetry.Outcomes.Failed);
            return;
        }

        await CompleteAsync(message, message.Id, claim, note, cancellationToken);
        JobsTelemetry.Dispatched(activity, message, note is null ? JobsTelemetry.Outcomes.Sent : JobsTelemetry.Outcomes.Skipped);
    }

    // Compiled once (per model): each message a job carries out is read by it.
    private static readonly PerModelCompiledQuery<Func<BackOfficeDbContext, Guid, CancellationToken, Task<OutboxMessage?>>> OutboxRow = new(() =>
        EF.CompileAsyncQuery((BackOfficeDbContext db, Guid id, CancellationToken cancellationToken) => db.Outbox.SingleOrDefault(o => o.Id == id)));

    /// <summary>
    /// Carries out several rows with two commits in all — their claims, then their outcomes — instead of two each: under
    /// load the pump hands it the rows committed while the previous ones were going out, and those commits were most of
    /// SQLite's writer time after the requests' own. Each row keeps the single path's guarantees: claimed (and the claim
    /// on disk) before anything leaves, its outcome written after. Rows a batch does not take — documents, which commit
    /// with their row, and portal links and records e-mails, which write rows of their own — and every row of a batch
    /// whose claim or outcome commit fails go one by one through <see cref="DispatchAsync"/> (which retries an outcome
    /// while the database is away).
    /// </summary>
    public async Task DispatchBatchAsync(IReadOnlyList<Guid> outboxMessageIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outboxMessageIds);
        var now = time.GetUtcNow();
        List<Guid> wanted = [.. outboxMessageIds.Distinct()];
        var rows = wanted.Count < 2 ? [] : await db.Outbox.Where(o => wanted.Contains(o.Id)).ToListAsync(cancellationToken);
        var batch = rows.Where(m => m.CanClaim(now) && Batchable(m)).ToList();
        if (batch.Count < 2)
        {
            await OneByOneAsync(wanted, cancellationToken);
            return;
        }

        // The rows the batch does not take (documents, portal links, records e-mails) go one by one after it.
        List<Guid> rest = [.. wanted.Except(batch.Select(m => m.Id))];
        var claims = batch.Select(m => (Message: m, Claim: m.Claim(now))).ToList();
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker claimed one of them meanwhile: each is taken again on its own (claimed ones are skipped).
            await OneByOneAsync(wanted, cancellationToken);
            return;
        }

        await SendBatchAsync(claims, cancellationToken);
        if (rest.Count > 0) await OneByOneAsync(rest, cancellationToken);
    }

    private async Task SendBatchAsync(List<(OutboxMessage Message, Guid Claim)> claims, CancellationToken cancellationToken)
    {

        var outcomes = new List<(OutboxMessage Message, Guid Claim, string? Note, Exception? Error, System.Diagnostics.Activity? Activity)>();
        Dictionary<Guid, RecordsRequest> requests;
        try
        {
            requests = await RequestsOfAsync(claims.Select(c => c.Message), cancellationToken);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            // The database went away after the claims: each message reads its own request below and fails on its own, so
            // its failure is recorded (and retried) instead of its claim running out into an incident.
            requests = [];
        }

        foreach (var (message, claim) in claims)
        {
            var activity = JobsTelemetry.StartDispatch(message.Id);
            try
            {
                outcomes.Add((message, claim, await SendAsync(message, requests.GetValueOrDefault(message.RequestId), cancellationToken), null, activity));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcomes.Add((message, claim, null, ex, activity));
            }
        }

        var settings = options.Value;
        var recordedAt = time.GetUtcNow();
        var incidents = outcomes.Select(o => o.Error is null
            ? Completed(o.Message, o.Claim, recordedAt, o.Note)
            : o.Message.Fail(o.Claim, recordedAt, $"{o.Error.GetType().Name}: {o.Error.Message}", settings.MaxAttempts,
                recordedAt + settings.RetryDelay(o.Message.Attempts))).ToList();
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || IsDatabaseFailure(ex))
        {
            // Written one by one instead, each re-read and retried while the database is away (RecordAsync).
            logger.LogWarning(ex, "The outcomes of {Count} outbox messages could not be written together; writing them one by one", outcomes.Count);
            db.ChangeTracker.Clear();
            foreach (var (message, claim, note, error, activity) in outcomes)
            {
                var incident = false;
                if (error is null) await CompleteAsync(message.Id, claim, note, cancellationToken);
                else incident = await FailAsync(message.Id, claim, error, cancellationToken);
                JobsTelemetry.Dispatched(activity, message, Outcome(note, error, incident));
                activity?.Dispose();
            }

            return;
        }

        for (var i = 0; i < outcomes.Count; i++)
        {
            var (message, _, note, error, activity) = outcomes[i];
            if (error is not null) LogFailure(message, error, incidents[i]);
            else if (note is not null)
                logger.LogWarning("Outbox message {OutboxId} ({Type}) for request {RequestId}: {Note}", message.Id, message.Type, message.RequestId, note);
            JobsTelemetry.Dispatched(activity, message, Outcome(note, error, incidents[i]));
            activity?.Dispose();
        }
    }

    /// <summary>
    /// The requests the batch's e-mails are about, with their payments, in one query instead of one a message: under load
    /// that query per message was the largest of the dispatcher's own costs. A request missing here (none should be) is
    /// read by <see cref="SendAsync"/> as on the single path, which fails the message if it is truly gone.
    /// </summary>
    private async Task<Dictionary<Guid, RecordsRequest>> RequestsOfAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        List<Guid> ids = [.. messages.Where(m => m.Kind is OutboxKind.RequesterMessage or OutboxKind.StaffMessage).Select(m => m.RequestId).Distinct()];
        if (ids.Count == 0) return [];
        return await db.Requests.AsNoTracking().Include(r => r.Payments).Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    // Documents commit with their row; the portal link and the records e-mail write rows of their own on this context.
    private static bool Batchable(OutboxMessage message) => message.Kind switch
    {
        OutboxKind.Document => false,
        OutboxKind.RequesterMessage => message.Type is not (PortalOutboxHandler.MessageType or RecordsEmailHandler.MessageType),
        _ => true,
    };

    // Completing never raises an incident; false keeps the outcomes' incident list in step with the rows.
    private static bool Completed(OutboxMessage message, Guid claim, DateTimeOffset at, string? note)
    {
        message.Complete(claim, at, note);
        return false;
    }

    private static string Outcome(string? note, Exception? error, bool incident) => error is not null
        ? incident ? JobsTelemetry.Outcomes.Incident : JobsTelemetry.Outcomes.Failed
        : note is null ? JobsTelemetry.Outcomes.Sent : JobsTelemetry.Outcomes.Skipped;

    private async Task OneByOneAsync(IEnumerable<Guid> outboxMessageIds, CancellationToken cancellationToken)
    {
        foreach (var id in outboxMessageIds)
        {
            db.ChangeTracker.Clear();
            await DispatchAsync(id, cancellationToken);
        }
    }

    /// <summary>Sends the e-mail; null when sent, else why nothing was sent. <paramref name="read"/>: the request, if read already.</summary>
    private async Task<string?> SendAsync(OutboxMessage message, RecordsRequest? read, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboxKind.Webhook) return await Required<Webhooks.WebhookSender>().SendAsync(message, cancellationToken);
        if (message is { Kind: OutboxKind.RequesterMessage, Type: PortalOutboxHandler.MessageType })
            return await portal.SendAsync(message, cancellationToken);
        if (message is { Kind: OutboxKind.RequesterMessage, Type: RecordsEmailHandler.MessageType })
            return await Required<RecordsEmailHandler>().SendAsync(message, cancellationToken);

        // The message states the facts of its event; one the request has overtaken meanwhile is skipped, with the reason.
        var now = read ?? await db.Requests.AsNoTracking().Include(r => r.Payments).SingleAsync(r => r.Id == message.RequestId, cancellationToken);
        if (MessageRelevance.SkipReason(message.Kind, message.Type, now) is { } skipped) return skipped;
        var facts = message.ReadFacts();
        var composed = message.Kind == OutboxKind.StaffMessage
            ? await Required<IStaffMessageComposer>().ComposeAsync(message.RequestId, message.Type, facts, cancellationToken)
            : await Required<IRequesterMessageComposer>().ComposeAsync(now, message.Type, facts, cancellationToken);
        if (composed is null) return message.Kind == OutboxKind.StaffMessage ? NoStaffMailbox : NoRequesterAddress;

        // The outbox id as Message-Id lets the receiving side recognise a message a staff retry sent again.
        await email.SendAsync(new OutgoingEmail(composed.To, composed.Subject, composed.TextBody, composed.HtmlBody)
        {
            MessageId = $"{message.Id:N}@backoffice",
        }, cancellationToken);
        return null;
    }

    /// <summary>Renders and stores the PDF; the document row and "processed" commit together, so it is stored once.</summary>
    private async Task ProduceDocumentAsync(OutboxMessage message, Guid claim, CancellationToken cancellationToken)
    {
        var rendered = await Required<IRequestDocumentRenderer>().RenderAsync(message.RequestId, message.Type, cancellationToken);
        DraftDocument saved;
        await using (var content = new MemoryStream(rendered.Content, writable: false))
        {
            saved = await documents.SaveAsync(content, rendered.FileName, DocumentKind.Generated, cancellationToken);
        }

        try
        {
            if (saved.ContentType != "application/pdf") throw new DocumentRejectedException($"The {message.Type} rendered is not a PDF.");
            var request = await db.Requests.Include(r => r.Documents).SingleAsync(r => r.Id == message.RequestId, cancellationToken);
            request.AddDocument(DocumentKind.Generated, saved.FileName, saved.ContentType, saved.Size, saved.StorageKey, saved.Sha256, saved.UploadedAt);
            message.Complete(claim, time.GetUtcNow());
            await SaveAsync(cancellationToken);
            logger.LogInformation("{DocumentType} stored for request {RequestId}", message.Type, message.RequestId);
        }
        catch
        {
            documents.Delete(saved.StorageKey);
            throw;
        }
    }

    /// <summary>Records the finished attempt of a row no longer tracked (re-read first); true when written.</summary>
    private Task<bool> CompleteAsync(Guid outboxMessageId, Guid claim, string? note, CancellationToken cancellationToken) =>
        CompleteAsync(null, outboxMessageId, claim, note, cancellationToken);

    private async Task<bool> CompleteAsync(OutboxMessage? tracked, Guid outboxMessageId, Guid claim, string? note, CancellationToken cancellationToken)
    {
        var completed = await RecordAsync(tracked, outboxMessageId, claim, m => m.Complete(claim, time.GetUtcNow(), note), cancellationToken);
        if (completed is not null && note is not null)
            logger.LogWarning("Outbox message {OutboxId} ({Type}) for request {RequestId}: {Note}", completed.Id, completed.Type, completed.RequestId, note);
        return completed is not null;
    }

    /// <summary>Records the failed attempt; true when the row is now an incident.</summary>
    private async Task<bool> FailAsync(Guid outboxMessageId, Guid claim, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var incident = false;
        var message = await RecordAsync(null, outboxMessageId, claim, m =>
        {
            var now = time.GetUtcNow();
            incident = m.Fail(claim, now, $"{error.GetType().Name}: {error.Message}", settings.MaxAttempts, now + settings.RetryDelay(m.Attempts));
        }, cancellationToken);
        if (message is null) return false;
        LogFailure(message, error, incident);
        return incident;
    }

    private void LogFailure(OutboxMessage message, Exception error, bool incident)
    {
        if (incident)
            logger.LogError(error, "Outbox message {OutboxId} ({Type}) for request {RequestId} failed {Attempts} times; it is now an incident",
                message.Id, message.Type, message.RequestId, message.Attempts);
        else
            logger.LogWarning(error, "Outbox message {OutboxId} ({Type}) failed (attempt {Attempts}); next try after {NextAttempt}",
                message.Id, message.Type, message.Attempts, message.NextAttemptAt);
    }

    /// <summary>
    /// Writes the outcome of this attempt (sent, nothing to send, failed) in a commit of its own. The attempt is over, so
    /// what it did must outlast a database that is gone for a moment (restarting, failing over): a claim left behind
    /// would turn a message known to be sent, or known not to be, into an incident "may or may not have been sent" for
    /// staff. So while the database fails the outcome is written again after <see cref="OutcomeRetryDelays"/>; each
    /// later try reads the row afresh (the lease may have run out and made it an incident meanwhile, which the outcome
    /// settles) and writes nothing once the claim is no longer this attempt's. Returns the row written, or null.
    /// </summary>
    private async Task<OutboxMessage?> RecordAsync(OutboxMessage? tracked, Guid outboxMessageId, Guid claim, Action<OutboxMessage> outcome,
        CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                var message = tracked;
                tracked = null;
                if (message is null)
                {
                    db.ChangeTracker.Clear();
                    message = await db.Outbox.SingleAsync(o => o.Id == outboxMessageId, cancellationToken);
                    if (message.ClaimId != claim || message.ProcessedAt is not null) return null;
                }

                outcome(message);
                await SaveAsync(cancellationToken);
                return message;
            }
            catch (DbUpdateConcurrencyException) when (retry < OutcomeRetryDelays.Length)
            {
                // The incident sweep marked the attempt unfinished meanwhile; it did finish, so record that.
            }
            catch (Exception ex) when (retry < OutcomeRetryDelays.Length && IsDatabaseFailure(ex))
            {
                logger.LogWarning(ex, "Outbox message {OutboxId}: the outcome of attempt {ClaimId} could not be written; trying again in {Delay}",
                    outboxMessageId, claim, OutcomeRetryDelays[retry]);
                await Task.Delay(OutcomeRetryDelays[retry], cancellationToken);
            }
        }
    }

    // A turn at SQLite's one writer, as the lifecycle's commits take it: without it a claim or an outcome racing a commit
    // sleeps in SQLite's busy handler (1, 2, 5 … 100 ms) while the writer may already be free.
    private Task SaveAsync(CancellationToken cancellationToken) => gate.SaveChangesAsync(db, cancellationToken);

    private static bool IsDatabaseFailure(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is System.Data.Common.DbException or TimeoutException) return true;
        return false;
    }

    // The composers and the renderer are separate slices of the app; a row whose writer is missing fails (and ends as
    // an incident) instead of stopping the other kinds of rows from being carried out.
    private T Required<T>() where T : notnull =>
        services.GetService<T>() ?? throw new InvalidOperationException($"No {typeof(T).Name} is registered, so this cannot be written.");
}
