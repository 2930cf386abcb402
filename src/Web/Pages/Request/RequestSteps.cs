using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The order of the steps (titled with the paper form's section names, <see cref="FormSections"/>) and where an error belongs. Each step runs the form's checks for its section
/// (<see cref="AuthorizationFormChecks"/>); the domain's <see cref="RecordsRequestDraft.Validate"/> runs over the
/// answers so far and each of its errors is shown on the step (and next to the field) it names, in the page's language
/// (<see cref="DraftMessages"/>).
/// </summary>
public static class RequestSteps
{
    public const string StartPath = "/request";
    public const string ReviewPath = "/request/review";
    public const string DonePath = "/request/done";

    /// <summary>The <c>from</c> query value of a step opened with "Change" on the review page.</summary>
    public const string FromReview = "review";

    /// <summary>A step's address as the review page's "Change" links it: Continue and Back return to the review.</summary>
    public static string ChangePath(RequestStep step) => Get(step).Path + "?from=" + FromReview;

    public static IReadOnlyList<RequestStepInfo> All { get; } =
    [
        new(RequestStep.Who, StartPath, FormSection.Requester),
        new(RequestStep.Patient, "/request/patient", FormSection.Patient),
        new(RequestStep.Release, "/request/release", FormSection.Release),
        new(RequestStep.Information, "/request/information", FormSection.Information),
        new(RequestStep.Delivery, "/request/delivery", FormSection.Delivery),
        new(RequestStep.Purpose, "/request/purpose", FormSection.Purpose),
        new(RequestStep.Sign, "/request/sign", FormSection.Signature, SignModel.PhotoIdCheck),
    ];

    public static RequestStepInfo Get(RequestStep step) => All[(int)step];

    public static string NextPath(RequestStep step) => (int)step + 1 < All.Count ? All[(int)step + 1].Path : ReviewPath;

    public static string PreviousPath(RequestStep step) => step == RequestStep.Who ? StartPath : All[(int)step - 1].Path;

    /// <summary>The first step before <paramref name="step"/> that is not done yet, if any.</summary>
    public static RequestStepInfo? FirstIncompleteBefore(RequestWizardState state, RequestStep step) =>
        All.Take((int)step).FirstOrDefault(s => !state.Completed.Contains(s.Step));

    /// <summary>The first step not done yet, if any (the review needs every step done).</summary>
    public static RequestStepInfo? FirstIncomplete(RequestWizardState state) =>
        All.FirstOrDefault(s => !state.Completed.Contains(s.Step));

    /// <summary>The errors to show on one step, each keyed by its form field ("" for the whole form), one per field.</summary>
    public static IReadOnlyList<FieldError> ErrorsFor(RequestStep step, RequestWizardState state, FormCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var form = state.Form;
        var info = Get(step);
        var own = AuthorizationFormChecks.For(info.Section, form, context).Concat(info.PageCheck?.Invoke(form) ?? []);
        var domain = form.ToDraft(context.Channel, context.Today).Validate(context.Today)
            .Select(error => (Place: Locate(RenameForPatient(error.Field, form), step), error.Message))
            .Where(error => error.Place.Step == step)
            .Select(error => new FieldError(error.Place.Key, DraftMessages.Text(error.Message)));
        return own.Concat(domain).DistinctBy(error => error.Field).ToList();
    }

    /// <summary>Every step's errors, for the final check before the request is sent.</summary>
    public static IReadOnlyList<(RequestStepInfo Step, FieldError Error)> AllErrors(RequestWizardState state, FormCheckContext context)
    {
        var all = All.SelectMany(step => ErrorsFor(step.Step, state, context).Select(error => (step, error))).ToList();
        // A missing address shows on both the "release to" and the delivery step; the summary names it once.
        return all.Where(e => !(e.step.Step == RequestStep.Delivery && e.error.Field == "Delivery"
            && all.Any(other => other.step.Step == RequestStep.Release && other.error.Message == e.error.Message))).ToList();
    }

    // When the patient asks, the requester's name is the patient's, entered on the patient step.
    private static string RenameForPatient(string field, AuthorizationFormInput form) =>
        field == "Requester.Name" && form.Requester.IsPatient ? "Patient.FirstName" : field;

    /// <summary>The step and form field a domain error names. On the delivery step, a missing address or e-mail is
    /// shown next to the delivery choice that needs it (the fields themselves are on the "release to" step).</summary>
    public static (RequestStep Step, string Key) Locate(string field, RequestStep current = RequestStep.Who)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (current == RequestStep.Delivery && field is "Recipient.Address" or "Recipient.Email") return (RequestStep.Delivery, "Delivery");
        var section = AuthorizationFormChecks.SectionOf(field);
        var step = All.First(s => s.Section == section).Step;
        var key = field switch
        {
            "Consents" => "Consents.Categories",
            "Documents" => "PhotoId",
            // The signer's name and the date are the typed signature and the day it is sent.
            _ when field.StartsWith("Signature.", StringComparison.Ordinal) => "Signature.ElectronicSignature",
            _ when section == FormSection.Signature => "",
            _ => field,
        };
        return (step, key);
    }
}
