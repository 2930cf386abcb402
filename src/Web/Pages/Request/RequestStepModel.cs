using BackOffice.Web.Http;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// What every step of the online request does: GET shows the answers kept so far (and, for a step already passed,
/// any problem a later change caused); POST keeps the answers, runs the step's checks and goes on, or shows the step
/// again with each message next to its field (the answers are kept either way); "Back" keeps the answers unchecked.
/// A step cannot be opened before the steps before it are done.
/// </summary>
public abstract class RequestStepModel(RequestStep step, WizardStore store, DepartmentClock clock, LocalizedSite site) : PageModel
{
    public RequestStep Step => step;

    /// <summary>The answers so far (shown on the page, e.g. the address a delivery goes to).</summary>
    public RequestWizardState State { get; private set; } = new();

    /// <summary>The form as answered so far.</summary>
    public AuthorizationFormInput Form => State.Form;

    /// <summary>The site's names and sentences in the page's language.</summary>
    public SiteOptions Site => site.Current;

    public RequestStepInfo Info => RequestSteps.Get(Step);

    /// <summary>Opened with "Change" from the review page (<c>?from=review</c>): Continue and Back return there.</summary>
    public bool FromReview => string.Equals(Request.Query["from"], RequestSteps.FromReview, StringComparison.Ordinal);

    protected FormCheckContext Context => new(clock.Today, site.Current, FormChannel.Online);

    protected WizardStore Store => store;

    /// <summary>Copies the kept answers into the page's bound properties.</summary>
    protected abstract void Show(AuthorizationFormInput form);

    /// <summary>Copies the posted answers into the kept ones.</summary>
    protected abstract void Keep(AuthorizationFormInput form);

    /// <summary>Takes what must be handled before the answers are kept (uploads); adds its own errors to ModelState.</summary>
    protected virtual Task ReceiveAsync(RequestWizardState state) => Task.CompletedTask;

    /// <summary>The pages show health information: browsers must not keep copies (a shared computer's Back button).</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.MarkNoStore();
    }

    public IActionResult OnGet()
    {
        var state = store.Load(HttpContext);
        if (state is null && Step != RequestStep.Who) return Redirect(RequestSteps.StartPath);
        State = state ?? new RequestWizardState();
        if (RequestSteps.FirstIncompleteBefore(State, Step) is { } missing) return Redirect(missing.Path);
        Show(State.Form);
        if (State.Completed.Contains(Step)) AddErrors(RequestSteps.ErrorsFor(Step, State, Context));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Load() is not { } state) return Redirect(RequestSteps.StartPath + "?expired=true");
        State = state;
        await ReceiveAsync(state);
        Keep(state.Form);
        AddErrors(RequestSteps.ErrorsFor(Step, state, Context));
        var valid = ModelState.IsValid;
        state.Completed.Remove(Step);
        if (valid) state.Completed.Add(Step);
        if (!store.Save(HttpContext, state))
        {
            ModelState.AddModelError("", WizardWords.Text("Your answers are too long to keep. Shorten the longest ones and try again."));
            return Page();
        }

        await KeepUploadsAsync(state);
        if (!valid) return Page();
        // A change made from the review page goes back there (which sends on to any step the change left undone).
        return Redirect(FromReview ? RequestSteps.ReviewPath : RequestSteps.NextPath(Step));
    }

    public async Task<IActionResult> OnPostBackAsync()
    {
        if (Load() is not { } state) return Redirect(RequestSteps.StartPath + "?expired=true");
        State = state;
        await ReceiveAsync(state);
        Keep(state.Form);
        if (store.Save(HttpContext, state)) await KeepUploadsAsync(state);
        return Redirect(FromReview ? RequestSteps.ReviewPath : RequestSteps.PreviousPath(Step));
    }

    /// <summary>"true" for a field in error (aria-invalid); null otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;

    // The answers just handed to the browser can be sent until the idle limit from now: so the files they name are kept
    // (WizardUploads is taken from the request's services so the seven step pages keep their constructors).
    private Task KeepUploadsAsync(RequestWizardState state) =>
        state.Form.Documents.Count == 0
            ? Task.CompletedTask
            : HttpContext.RequestServices.GetRequiredService<WizardUploads>()
                .KeepAsync(state.SubmissionId, [.. state.Form.Documents.Select(d => d.StorageKey)], CancellationToken.None);

    // The first step starts a new form; later steps need the answers kept so far.
    private RequestWizardState? Load() => store.Load(HttpContext) ?? (Step == RequestStep.Who ? new RequestWizardState() : null);

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            if (ModelState[error.Field]?.Errors.Count > 0) continue;
            ModelState.AddModelError(error.Field, error.Message);
        }
    }
}
