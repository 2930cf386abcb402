using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Requests;

/// <summary>
/// One release of records to someone (45 CFR 164.528). Every disclosure is logged; those to the
/// patient or under the patient's authorization are exempt from the accounting HIPAA requires, and
/// are marked so the accounting can show both views. A release through a request names its patient through the
/// request; one made without an authorization outside the request workflow (a public-health report, a court
/// order) has no request and carries the patient's identity itself.
/// </summary>
public sealed class Disclosure
{
    private Disclosure() { }

    public Guid Id { get; private set; }
    /// <summary>The request released through; null for a disclosure recorded without one.</summary>
    public Guid? RequestId { get; private set; }
    public DateTimeOffset DisclosedAt { get; private set; }
    public string RecipientName { get; private set; } = "";
    public string? RecipientAddress { get; private set; }
    /// <summary>What was disclosed. For a release through a request: what was asked for, the pages and, after
    /// <see cref="WithheldSeparator"/>, the categories withheld by their <see cref="SensitiveCategory"/> names; the screens
    /// and exports word them (the app's words for its enums live with the web app, not here).</summary>
    public string Description { get; private set; } = "";
    /// <summary>Why. For a release through a request: the requester's own words, or the <see cref="RequestPurpose"/> by
    /// name when they gave none (worded where it is shown); for one without authorization, the basis and its detail.</summary>
    public string Purpose { get; private set; } = "";
    public string Method { get; private set; } = "";
    public bool RequiredInAccounting { get; private set; }
    /// <summary>A <see cref="DisclosureBasis.Code"/> for a disclosure without an authorization.</summary>
    public string? LegalBasis { get; private set; }

    // The patient, for a disclosure without a request (a request's disclosures read the request's patient).
    public string? PatientLastName { get; private set; }
    public string? PatientFirstName { get; private set; }
    public DateOnly? PatientDateOfBirth { get; private set; }
    public string? PatientMedicalRecordNumber { get; private set; }
    /// <summary>"LAST FIRST" in capitals (<see cref="RecordsRequest.NameKey"/>): the accounting finds a patient on it.</summary>
    public string? PatientNameKey { get; private set; }

    /// <summary>Ends a release's description before the categories withheld from it (<see cref="Description"/>).</summary>
    public const string WithheldSeparator = "; withheld: ";

    /// <summary>Separates the categories withheld (<see cref="WithheldSeparator"/>, each as stored) from the rest of a
    /// release's description; a description that names none is all <c>Released</c>.</summary>
    public static (string Released, IReadOnlyList<string> Withheld) ReadDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var at = description.LastIndexOf(WithheldSeparator, StringComparison.Ordinal);
        return at < 0
            ? (description, [])
            : (description[..at], description[(at + WithheldSeparator.Length)..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public static Disclosure For(RecordsRequest request, string method, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient;
        var withheld = request.WithheldCategories.Count == 0
            ? ""
            : WithheldSeparator + string.Join(", ", request.WithheldCategories);
        var scope = request.Information.AllRecords
            ? "all records"
            : string.Join(", ", request.Information.RecordTypes.DefaultIfEmpty(request.Information.Description ?? "records as described"));
        var range = request.Information.From is null && request.Information.To is null
            ? ""
            : $" ({request.Information.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"} to {request.Information.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "present"})";
        return new Disclosure
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.Id,
            DisclosedAt = at,
            RecipientName = string.IsNullOrWhiteSpace(recipient.Organisation) ? recipient.Name : $"{recipient.Name}, {recipient.Organisation}",
            RecipientAddress = recipient.Address.IsComplete ? recipient.Address.ToString() : recipient.Email,
            Description = $"{scope}{range}, {request.Pages.Total} pages{withheld}",
            Purpose = request.PurposeDetail ?? request.Purpose.ToString(),
            Method = method,
            RequiredInAccounting = false,
        };
    }

    /// <summary>
    /// A disclosure made without the patient's authorization, recorded by a clerk: required in the accounting.
    /// The date disclosed is stored as the start of that day in the department's time zone.
    /// </summary>
    /// <exception cref="DomainException">The first problem with the draft, naming its field.</exception>
    public static Disclosure WithoutAuthorization(AccountableDisclosureDraft draft, DepartmentClock clock)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(clock);
        if (draft.Validate(clock.Today) is [var first, ..]) throw new DomainException(first.Message, first.Field);
        var basis = DisclosureBasis.Find(draft.LegalBasis)!;
        var last = draft.LastName!.Trim();
        var firstName = draft.FirstName!.Trim();
        return new Disclosure
        {
            Id = Guid.CreateVersion7(),
            RequestId = null,
            DisclosedAt = clock.StartOf(draft.DisclosedOn!.Value),
            RecipientName = draft.RecipientName!.Trim(),
            RecipientAddress = string.IsNullOrWhiteSpace(draft.RecipientAddress) ? null : draft.RecipientAddress.Trim(),
            Description = draft.Description!.Trim(),
            Purpose = $"{basis.Label}: {draft.PurposeDetail!.Trim()}",
            Method = draft.Method!.Trim(),
            RequiredInAccounting = true,
            LegalBasis = basis.Code,
            PatientLastName = last,
            PatientFirstName = firstName,
            PatientDateOfBirth = draft.DateOfBirth,
            PatientMedicalRecordNumber = string.IsNullOrWhiteSpace(draft.MedicalRecordNumber) ? null : draft.MedicalRecordNumber.Trim(),
            PatientNameKey = RecordsRequest.NameKey(last, firstName),
        };
    }

    /// <summary>
    /// The retention policy, once the disclosure has left the accounting (older than six years) and its request is reduced:
    /// the date, method and request stay; who received what, and why, go.
    /// </summary>
    internal void RemovePersonalData()
    {
        RecipientName = "";
        RecipientAddress = null;
        Description = RecordsRequest.RemovedText;
        Purpose = RecordsRequest.RemovedText;
    }

    /// <summary>
    /// The retention policy, for a disclosure recorded without a request once it is older than both the accounting and the
    /// policy's years (<see cref="Retention.RetentionPurge"/>): the patient it names (names, date of birth, MRN and the name key
    /// the accounting finds it by; their search hashes are emptied when saved) goes with the recipient, description and
    /// purpose. The date, method, legal basis and whether it was required in the accounting stay: the fact of a disclosure.
    /// </summary>
    /// <exception cref="InvalidOperationException">The disclosure was made through a request: the request's reduction
    /// handles it (<see cref="RemovePersonalData"/>).</exception>
    internal void RemovePersonalDataAndPatient()
    {
        if (RequestId is not null)
            throw new InvalidOperationException("A disclosure through a request names its patient through the request; reduce the request.");
        RemovePersonalData();
        PatientLastName = null;
        PatientFirstName = null;
        PatientDateOfBirth = null;
        PatientMedicalRecordNumber = null;
        PatientNameKey = null;
    }
}
