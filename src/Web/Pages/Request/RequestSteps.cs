using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>The steps of the online request, in the order of the Authorization for Release of Health Information form.</summary>
public enum RequestStep
{
    Who,
    Patient,
    Release,
    Information,
    Delivery,
    Purpose,
    Sign,
}

/// <summary>What a step's checks may need besides the answers.</summary>
public sealed record CheckContext(DateOnly Today, SiteOptions Site);

/// <summary>A step: its address, its title and its own checks (presence and format of its fields).</summary>
public sealed record RequestStepInfo(RequestStep Step, string Path, string Title,
    Func<RequestWizardState, CheckContext, IEnumerable<FieldError>> Check);

/// <summary>
/// The order of the steps and where an error belongs. Each step checks its own fields; the domain's
/// <see cref="RecordsRequestDraft.Validate"/> runs over the answers so far and each of its errors is shown on the step
/// (and next to the field) it names, so the domain's rules are not repeated here.
/// </summary>
public static class RequestSteps
{
    public const string StartPath = "/request";
    public const string ReviewPath = "/request/review";
    public const string DonePath = "/request/done";

    public static IReadOnlyList<RequestStepInfo> All { get; } =
    [
        new(RequestStep.Who, StartPath, "Who is asking", IndexModel.Check),
        new(RequestStep.Patient, "/request/patient", "The patient", PatientModel.Check),
        new(RequestStep.Release, "/request/release", "Whose records and who receives them", ReleaseModel.Check),
        new(RequestStep.Information, "/request/information", "Which information", InformationModel.Check),
        new(RequestStep.Delivery, "/request/delivery", "Delivery and format", DeliveryModel.Check),
        new(RequestStep.Purpose, "/request/purpose", "Purpose and expiry", PurposeModel.Check),
        new(RequestStep.Sign, "/request/sign", "Signature and photo ID", SignModel.Check),
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
    public static IReadOnlyList<FieldError> ErrorsFor(RequestStep step, RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var domain = DraftBuilder.Build(state, context.Today).Validate(context.Today)
            .Select(error => (Place: Locate(RenameForPatient(error.Field, state), step), error.Message))
            .Where(error => error.Place.Step == step)
            .Select(error => new FieldError(error.Place.Key, error.Message));
        return Get(step).Check(state, context).Concat(domain).DistinctBy(error => error.Field).ToList();
    }

    /// <summary>Every step's errors, for the final check before the request is sent.</summary>
    public static IReadOnlyList<(RequestStepInfo Step, FieldError Error)> AllErrors(RequestWizardState state, CheckContext context)
    {
        var all = All.SelectMany(step => ErrorsFor(step.Step, state, context).Select(error => (step, error))).ToList();
        // A missing address shows on both the "release to" and the delivery step; the summary names it once.
        return all.Where(e => !(e.step.Step == RequestStep.Delivery && e.error.Field == "Delivery"
            && all.Any(other => other.step.Step == RequestStep.Release && other.error.Message == e.error.Message))).ToList();
    }

    // When the patient asks, the requester's name is the patient's, entered on the patient step.
    private static string RenameForPatient(string field, RequestWizardState state) =>
        field == "Requester.Name" && state.Requester.Type is null or RequesterType.Patient ? "Patient.FirstName" : field;

    /// <summary>The step and form field a domain error names. On the delivery step, a missing address or e-mail is
    /// shown next to the delivery choice that needs it (the fields themselves are on the "release to" step).</summary>
    public static (RequestStep Step, string Key) Locate(string field, RequestStep current = RequestStep.Who)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (current == RequestStep.Delivery && field is "Recipient.Address" or "Recipient.Email") return (RequestStep.Delivery, "Delivery");
        return field switch
        {
            _ when field.StartsWith("Patient.", StringComparison.Ordinal) => (RequestStep.Patient, field),
            _ when field.StartsWith("Requester.", StringComparison.Ordinal) => (RequestStep.Who, field),
            _ when field.StartsWith("Recipient.", StringComparison.Ordinal) => (RequestStep.Release, field),
            "Locations" or "OtherFacilityName" => (RequestStep.Release, field),
            _ when field.StartsWith("Information.", StringComparison.Ordinal) => (RequestStep.Information, field),
            "Consents" => (RequestStep.Information, "Consents.Categories"),
            "Delivery" or "Format" or "UnencryptedEmailRiskAccepted" => (RequestStep.Delivery, field),
            "Purpose" or "PurposeDetail" or "ExpiresOn" or "ExpiryEvent" => (RequestStep.Purpose, field),
            "Documents" => (RequestStep.Sign, "PhotoId"),
            _ when field.StartsWith("Signature.", StringComparison.Ordinal) => (RequestStep.Sign, "Signature.ElectronicSignature"),
            _ => (RequestStep.Sign, ""),
        };
    }
}
