using BackOffice.Web.Identity;
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

    public async Task<IActionResult> OnPostRetryAsync(Guid id, Guid messageId, [FromServices] OutboxIncidents incidents,
        CancellationToken cancellationToken)
    {
        string outcome;
        try
        {
            if (!await incidents.RetryAsync(id, messageId, cancellationToken)) return NotFound();
            await audit.RecordAsync("RetryMessage", id, messageId.ToString(), "done", cancellationToken);
            StatusMessage = "The message is queued to be tried again.";
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

        await audit.RecordAsync("RetryMessage", id, messageId.ToString(), outcome, cancellationToken);
        return await ShowAgainAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id, Guid messageId, string? reason, [FromServices] OutboxIncidents incidents,
        CancellationToken cancellationToken)
    {
        string outcome;
        try
        {
            if (!await incidents.DismissAsync(id, messageId, User.DisplayName(), reason, cancellationToken)) return NotFound();
            await audit.RecordAsync("DismissMessage", id, messageId.ToString(), "done: " + reason!.Trim(), cancellationToken);
            StatusMessage = "The message is dismissed; it will not be sent.";
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

        await audit.RecordAsync("DismissMessage", id, messageId.ToString(), outcome, cancellationToken);
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
