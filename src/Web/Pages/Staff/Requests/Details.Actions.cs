using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Web.Input;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>The one handler for every lifecycle action: inputs in, <see cref="LifecycleEngine.FireAsync(Guid, string, Actor, TriggerArgs, int?, CancellationToken)"/>, result out.</summary>
public sealed partial class DetailsModel
{
    /// <param name="trigger">The action's trigger (the button pressed).</param>
    /// <param name="version">The request version the page showed: a change by someone else since is a conflict.</param>
    /// <param name="args">The action's inputs, posted as <c>args[name]</c>.</param>
    public async Task<IActionResult> OnPostActionAsync(Guid id, string? trigger, int? version,
        [FromForm(Name = "args")] Dictionary<string, string?>? args, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(trigger)) return BadRequest();
        var posted = args ?? [];
        var triggerArgs = ToTriggerArgs(trigger, posted);
        string outcome;
        try
        {
            // Text the journal cannot keep (control characters, invalid UTF-8) is refused at its field, like any input.
            var inputs = DetailsActionInputs.For(trigger, null).Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (posted.FirstOrDefault(p => inputs.Contains(p.Key) && p.Value is not null && !StoredText.IsKeepable(p.Value)) is { Key: not null } unreadable)
                throw new DomainException(StoredText.UnreadableMessage, unreadable.Key);

            var result = await engine.FireAsync(id, trigger, User.ToActor(), triggerArgs, version ?? -1, cancellationToken);
            await audit.RecordAsync("Action:" + trigger, id, outcome: "done", cancellationToken: cancellationToken);
            StatusMessage = result.FromState == result.ToState
                ? $"Done: {PlainWords.Trigger(trigger)}."
                : $"Done: {PlainWords.Trigger(trigger)}. The request is now: {PlainWords.State(result.ToState)}.";
            return RedirectToPage(new { id });
        }
        catch (RequestNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(DetailsActionInputs.ErrorKey(trigger, ex.Field), ex.Message);
            outcome = "refused: " + ex.Message;
        }
        catch (TransitionRefusedException ex)
        {
            RefusalReasons = ex.Reasons;
            ModelState.AddModelError("", $"{PlainWords.Trigger(trigger)} is not possible now: {string.Join("; ", ex.Reasons)}.");
            outcome = "refused: " + string.Join("; ", ex.Reasons);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("", "Someone else changed this request while you had it open. Reload the page to see their change, then try again.");
            outcome = "refused: someone else changed the request";
        }

        await audit.RecordAsync("Action:" + trigger, id, outcome: outcome, cancellationToken: cancellationToken);
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        OpenTrigger = trigger;
        Posted = posted;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>
    /// Only the inputs the action's form has are passed on (they are kept in the journal). A pickup time is typed in the
    /// department's time zone and passed with its offset; "comment" becomes the journal comment.
    /// </summary>
    private TriggerArgs ToTriggerArgs(string trigger, Dictionary<string, string?> posted)
    {
        var names = DetailsActionInputs.For(trigger, null).Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = posted
            .Where(p => names.Contains(p.Key) && !p.Key.Equals(DetailsActionInputs.Comment, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => p.Key.Equals("pickupAt", StringComparison.OrdinalIgnoreCase) ? WithZoneOffset(p.Value) : p.Value,
                StringComparer.OrdinalIgnoreCase);
        posted.TryGetValue(DetailsActionInputs.Comment, out var comment);
        return new TriggerArgs(values, names.Contains(DetailsActionInputs.Comment) ? comment : null);
    }

    /// <summary>"2026-03-05T10:30" (a datetime-local input) as that time in the department's zone, with its offset.</summary>
    private string? WithZoneOffset(string? local)
    {
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return local;
        return clock.FromLocal(time).ToString("o", CultureInfo.InvariantCulture);
    }
}
