using BackOffice.Web.Identity;
using BackOffice.Web.Input;
using BackOffice.Web.Jobs;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>
/// Messages and documents that need staff (<see cref="OutboxIncidents"/>): retry, or dismiss with a reason. Both are
/// audited ("RetryMessage", "DismissMessage") with the outbox message id.
/// </summary>
public sealed partial class DetailsModel
{
    /// <summary>Outbox rows of this request with an open incident, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> Incidents { get; private set; } = [];

    public static string DismissField(Guid messageId) => "dismiss-" + messageId.ToString("N");

    public Task<IActionResult> OnPostRetryAsync(Guid id, Guid messageId, [FromServices] OutboxIncidents incidents,
        CancellationToken cancellationToken) =>
        ResolveIncidentAsync(id, messageId, "RetryMessage", "done", "The message is queued to be tried again.",
            () => incidents.RetryAsync(id, messageId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, Guid messageId, string? reason, [FromServices] OutboxIncidents incidents,
        CancellationToken cancellationToken) =>
        ResolveIncidentAsync(id, messageId, "DismissMessage", "done: " + reason?.Trim(), "The message is dismissed; it will not be sent.",
            () => reason is not null && !StoredText.IsKeepable(reason)
                ? throw new DomainException(StoredText.UnreadableMessage, "reason")
                : incidents.DismissAsync(id, messageId, User.DisplayName(), reason, cancellationToken), cancellationToken);

    // Either way the outcome is audited; a refusal is shown next to the incident's form.
    private async Task<IActionResult> ResolveIncidentAsync(Guid id, Guid messageId, string auditAction, string doneOutcome,
        string doneMessage, Func<Task<bool>> resolve, CancellationToken cancellationToken)
    {
        string outcome;
        try
        {
            if (!await resolve()) return NotFound();
            await audit.RecordAsync(auditAction, id, messageId.ToString(), doneOutcome, cancellationToken);
            StatusMessage = doneMessage;
            return RedirectToPage(new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(DismissField(messageId), ex.Message);
            outcome = "refused: " + ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(DismissField(messageId), ChangedMeanwhile);
            outcome = "refused: changed meanwhile";
        }

        await audit.RecordAsync(auditAction, id, messageId.ToString(), outcome, cancellationToken);
        return await ShowAgainAsync(id, cancellationToken);
    }

    /// <summary>Where a message stands, in words, for the messages table.</summary>
    public string MessageStatus(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.DismissedAt is { } dismissed) return $"Dismissed by {message.DismissedBy}, {WhenText(dismissed)}: {message.DismissReason}";
        if (message.ProcessedAt is { } done) return message.Note is null ? WhenText(done) : $"Not sent: {message.Note}";
        if (message.HasOpenIncident) return "Problem: see above";
        if (message.ClaimId is not null) return "Sending";
        if (message.LastError is not null)
            return $"Failed (attempt {message.Attempts}): {message.LastError}" + (message.NextAttemptAt is { } next ? $"; next try {WhenText(next)}" : "");
        return "Not yet";
    }

    private const string ChangedMeanwhile = "This message changed while you had the page open. Reload the page to see where it stands.";
}
