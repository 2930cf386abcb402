using BackOffice.Rules;
using BackOffice.Web.Http;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.SecureEmail;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using BackOffice.Workflows.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The last step: every answer with a way to change it, the final check (every step's checks and the domain's
/// <see cref="RecordsRequestDraft.Validate"/>), and sending. Sending signs with the typed name at the server's time
/// and the client's address, and enters the request into the lifecycle as Received. Sending the same form twice
/// creates one request (<see cref="SubmittedForms"/>).
/// </summary>
public sealed class ReviewModel(WizardStore store, SubmittedForms submitted, LifecycleEngine engine, DepartmentClock clock,
    LocalizedSite site, EmailPassphrases passphrases, RulesEvaluator rules, ILogger<ReviewModel> logger) : PageModel
{
    public RequestWizardState State { get; private set; } = new();
    public RecordsRequestDraft Draft { get; private set; } = new();
    public IReadOnlyList<(RequestStepInfo Step, FieldError Error)> Errors { get; private set; } = [];
    public SiteOptions Site => site.Current;

    /// <summary>What the request will cost, by the fee rules in force; null when the rules cannot be run just now.</summary>
    public FeeOutlook? Fee { get; private set; }

    /// <summary>The day the answer is due if the request is sent today.</summary>
    public DateOnly AnswerBy { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.MarkNoStore();
    }

    public IActionResult OnGet()
    {
        if (store.Load(HttpContext) is not { } state) return Redirect(store.LoadReceipt(HttpContext) is null ? RequestSteps.StartPath : RequestSteps.DonePath);
        if (RequestSteps.FirstIncomplete(state) is { } missing) return Redirect(missing.Path);
        Show(state);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (store.Load(HttpContext) is not { } state)
            return Redirect(store.LoadReceipt(HttpContext) is null ? RequestSteps.StartPath + "?expired=true" : RequestSteps.DonePath);
        // Sent before (a double click, an answer that never arrived, another node): answer with that request.
        if (await submitted.ReceiptOfAsync(state.SubmissionId, CancellationToken.None) is { } earlier) return Finish(earlier);
        if (RequestSteps.FirstIncomplete(state) is { } missing) return Redirect(missing.Path);
        Show(state);
        if (Errors.Count > 0) return Page();
        return await SendAsync(state);
    }

    private async Task<IActionResult> SendAsync(RequestWizardState state)
    {
        var today = clock.Today;
        var draft = state.Form.ToDraft(FormChannel.Online, today, new SigningFacts(clock.Now, HttpContext.Connection.RemoteIpAddress?.ToString()))
            with { SubmissionKey = state.SubmissionId, Language = Localization.SiteLanguages.Current };
        // The passphrase is stored only as Data Protection made it; the lifecycle erases it once the records are sent.
        if (draft.Delivery == DeliveryMethod.SecureEmail && !string.IsNullOrEmpty(state.Form.EmailPassphrase))
            draft = draft with { ProtectedEmailPassphrase = passphrases.Protect(state.Form.EmailPassphrase) };
        RecordsRequest request;
        try
        {
            // Not cancelled when the browser drops the connection (a double click does): the first send must finish.
            // The request takes over the wizard's staged uploads in its own commit.
            request = await engine.StartAsync(draft, today, Actor.Requester(draft.Signature.SignerName),
                [.. state.Form.Documents.Select(d => d.StorageKey)], CancellationToken.None);
        }
        catch (InvalidDraftException invalid)
        {
            foreach (var error in invalid.Errors) ModelState.AddModelError("", DraftMessages.Text(error.Message));
            return Page();
        }
        catch (Exception ex) when (ex is MissingUploadsException or DbUpdateException)
        {
            // The same form sent at the same moment (another tab, another node) was stored first and took its uploads.
            if (await submitted.ReceiptOfAsync(state.SubmissionId, CancellationToken.None) is { } first) return Finish(first);
            if (ex is not MissingUploadsException missing) throw;

            // Replaced by a later copy of these answers, or deleted as abandoned: nothing was sent; upload it again.
            state.Form.Documents.RemoveAll(d => missing.StorageKeys.Contains(d.StorageKey));
            state.Completed.Remove(RequestStep.Sign);
            store.Save(HttpContext, state);
            Show(state);
            ModelState.AddModelError("", WizardWords.Format(
                "A file you uploaded is no longer kept, so your request was not sent. Upload it again on the step \"{0}\", then send your request.",
                RequestSteps.Get(RequestStep.Sign).Title));
            return Page();
        }

        var receipt = new RequestReceipt(request.TrackingNumber, request.DueOn, request.Delivery, request.Kind);
        logger.LogInformation("Online request {TrackingNumber} received ({Kind}, {DocumentCount} documents)",
            request.TrackingNumber, request.Kind, request.Documents.Count);
        return Finish(receipt);
    }

    private RedirectResult Finish(RequestReceipt receipt)
    {
        store.Clear(HttpContext);
        store.SaveReceipt(HttpContext, receipt);
        return Redirect(RequestSteps.DonePath);
    }

    private void Show(RequestWizardState state)
    {
        State = state;
        var context = new FormCheckContext(clock.Today, site.Current, FormChannel.Online);
        Draft = state.Form.ToDraft(context.Channel, context.Today);
        Errors = RequestSteps.AllErrors(state, context);
        AnswerBy = context.Today.AddDays(RecordsRequest.StandardResponseDays);
        try
        {
            Fee = FeeOutlook.For(Draft, rules.Current, context.Today);
        }
        catch (RuleSetException exception)
        {
            // The request can still be sent (the invoice is worked out later); the page then points to the estimate.
            logger.LogError(exception, "The fee rules in force could not be run for the review page");
            Fee = null;
        }
    }
}
