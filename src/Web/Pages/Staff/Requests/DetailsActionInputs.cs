using System.Globalization;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>The inputs each action needs: the names the lifecycle's activities read (workflows/records-request.json).</summary>
public static class DetailsActionInputs
{
    /// <summary>The journal comment, given with a send-back as its reason.</summary>
    public const string Comment = "comment";

    /// <summary>The payment methods, and cash: offered so that the refusal (a message next to the field) says why.</summary>
    public static readonly IReadOnlyList<DetailsChoice> PaymentMethods =
        [.. Choices<PaymentMethod>(), new("Cash", "Cash")];

    /// <summary>740 ILCS 110/4(a)(3): the minor's answer and the therapist's finding, as the clerk records them.</summary>
    public static readonly IReadOnlyList<DetailsChoice> MinorObjections = Choices<MinorObjection>();

    public static readonly IReadOnlyList<DetailsChoice> TherapistFindings = Choices<TherapistFinding>();

    private static List<DetailsChoice> Choices<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(value => new DetailsChoice(value.ToString(), PlainWords.Of(value)))];

    /// <summary>The inputs of <paramref name="trigger"/>, with values taken from <paramref name="request"/> where it has them.</summary>
    public static IReadOnlyList<DetailsInput> For(string trigger, RecordsRequest? request) => trigger switch
    {
        "RequestInformation" =>
        [
            new("missing", "What is missing", DetailsInputKind.TextArea, "One item per line; the requester is told exactly these.",
                request is null ? null : string.Join('\n', request.MissingElements)),
        ],
        "Verify" => [new("identityChecked", "I checked the requester's identity", DetailsInputKind.Checkbox)],
        "Redirect" =>
        [
            new("redirectTo", "Where the requester should ask", DetailsInputKind.Text, "Named in the redirect letter.",
                request?.RedirectTo ?? request?.OtherFacilityName),
        ],
        "Deny" =>
        [
            new("basis", "Basis for the denial", DetailsInputKind.TextArea, "Stated in the denial letter."),
            new("reviewable", "The requester may have this denial reviewed (supervisor only)", DetailsInputKind.Checkbox),
        ],
        "Assign" => [new("assignee", "Assign to", DetailsInputKind.StaffChoice, Value: request?.AssigneeId)],
        "ExtendDeadline" =>
        [
            new("days", "Extra days (1 to 30)", DetailsInputKind.WholeNumber, "Once only, before the first 30 days end.", "30"),
            new("reason", "Reason for the extension", DetailsInputKind.TextArea, "The requester is told this reason."),
        ],
        "RecordPages" =>
        [
            new("paper", "Paper pages", DetailsInputKind.WholeNumber, Value: Count(request?.Pages.Paper)),
            new("electronic", "Electronic pages", DetailsInputKind.WholeNumber, Value: Count(request?.Pages.Electronic)),
            new("microfiche", "Microfiche pages", DetailsInputKind.WholeNumber, Value: Count(request?.Pages.Microfiche)),
            new("film", "Film pages", DetailsInputKind.WholeNumber, Value: Count(request?.Pages.Film)),
            new("postage", "Postage ($)", DetailsInputKind.Amount, Value: Money(request?.Postage)),
            .. Enum.GetValues<SensitiveCategory>().Select(category => new DetailsInput(StandardActivities.ContainsInput(category),
                "The records contain: " + PlainWords.Of(category), DetailsInputKind.Checkbox,
                Value: request is { ContentsRecorded: true } && request.CategoriesPresent.Contains(category) ? "true" : null)),
            new(StandardActivities.ContentsCheckedInput, "I checked the compiled records for each sensitive category above", DetailsInputKind.Checkbox,
                "Only categories the records contain and the request does not permit are withheld; the decision is evaluated again."),
        ],
        "SubmitForReview" => request is { WithheldCategories.Count: 0 }
            ? []
            : [new("exclusionsApplied", "I removed the withheld categories from the package", DetailsInputKind.Checkbox,
                request is null ? null : "Withheld: " + string.Join(", ", request.WithheldCategories.Select(PlainWords.Of)))],
        "RecordMinorReview" =>
        [
            new("objection", "What the patient (aged 12 to 17) said when told of the request", DetailsInputKind.Choice, Choices: MinorObjections,
                Value: request?.Minor.Objection.ToString()),
            new("finding", "The therapist's finding on the parent's or guardian's access", DetailsInputKind.Choice, Choices: TherapistFindings,
                Value: request?.Minor.Finding.ToString()),
        ],
        "SendBack" => [new(Comment, "Why it goes back", DetailsInputKind.TextArea, "The compiler reads this in the journal.")],
        "RecordPayment" =>
        [
            new("method", "Method", DetailsInputKind.Choice, Choices: PaymentMethods),
            new("amount", "Amount ($)", DetailsInputKind.Amount, Value: Money(request?.BalanceDue)),
            new("checkNumber", "Check number (for a check)", DetailsInputKind.Text),
        ],
        "WaiveFee" or "Cancel" => [new("reason", "Reason", DetailsInputKind.TextArea)],
        "SchedulePickup" =>
        [
            new("pickupAt", "Pickup date and time", DetailsInputKind.DateTime, "In the department's time zone."),
            new("arrangedWith", "Who was called", DetailsInputKind.Text),
        ],
        "PickedUp" => [new("photoIdChecked", "I checked the photo ID of the patient or legal representative", DetailsInputKind.Checkbox)],
        _ => [],
    };

    /// <summary>The model-state key for a message the domain gave for <paramref name="field"/>: the input it belongs next to,
    /// or the action's form as a whole when the action has no such input.</summary>
    public static string ErrorKey(string trigger, string? field)
    {
        var names = For(trigger, null).Select(i => i.Name).ToList();
        var name = field switch
        {
            null => null,
            "pages" => "paper",
            _ => names.FirstOrDefault(n => n.Equals(field, StringComparison.OrdinalIgnoreCase)),
        };
        return name is null ? trigger : $"{trigger}.{name}";
    }

    /// <summary>The element id of an input (and, with "-error", of its message): unique on the page, as the error summary links it.</summary>
    public static string InputId(string trigger, string name) => $"{trigger}_{name}";

    private static string? Count(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);
}
