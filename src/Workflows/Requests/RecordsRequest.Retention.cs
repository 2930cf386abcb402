using BackOffice.Workflows.Retention;

namespace BackOffice.Workflows.Requests;

/// <summary>
/// The retention policy's reduction of a request closed long ago (<see cref="RetentionPurge"/>): personal data and free text
/// go, what the audit needs stays (tracking number, channel, kind, dates, states, requester and recipient types, delivery,
/// format, purpose, fees and payments, page counts, the decision's kind) and, while a disclosure of the request is still in
/// the accounting of disclosures, what the accounting reads of the request: the patient's first and last name, date of birth
/// and MRN (each disclosure row keeps its own recipient, description and purpose).
/// </summary>
public sealed partial class RecordsRequest
{
    /// <summary>Put in place of a reason that was given (a denial's basis, why a fee was waived): the fact stays, the words go.</summary>
    public const string RemovedText = "(removed under the retention policy)";

    public RetentionStage RetentionStage { get; private set; }
    /// <summary>When the retention policy last reduced this request.</summary>
    public DateTimeOffset? PersonalDataRemovedAt { get; private set; }

    /// <summary>Removes the documents and notes (returned, for their rows and files to go) and the personal data.</summary>
    internal (IReadOnlyList<RequestDocument> Documents, IReadOnlyList<RequestNote> Notes) RemovePersonalData(DateTimeOffset at,
        bool keepPatientForAccounting)
    {
        List<RequestDocument> documents = [.. _documents];
        List<RequestNote> notes = [.. _notes];
        _documents.Clear();
        _notes.Clear();

        // A new record for each owned value: every owner keeps its own address instance (see Create).
        Patient = keepPatientForAccounting
            ? new PatientDetails
            {
                FirstName = Patient.FirstName,
                MiddleName = Patient.MiddleName,
                LastName = Patient.LastName,
                DateOfBirth = Patient.DateOfBirth,
                MedicalRecordNumber = Patient.MedicalRecordNumber,
            }
            : new PatientDetails();
        if (!keepPatientForAccounting) PatientNameKey = "";
        Requester = new RequesterDetails { Type = Requester.Type, Authority = Requester.Authority };
        Recipient = new RecipientDetails { Type = Recipient.Type };
        OtherFacilityName = null;
        Information = new RequestedInformation { AllRecords = Information.AllRecords, RecordTypes = [.. Information.RecordTypes] };
        _consents.Clear();
        ProtectedEmailPassphrase = null;
        PurposeDetail = null;
        ExpiryEvent = null;
        Signature = new SignatureDetails { SignedOn = Signature.SignedOn, ElectronicallySignedAt = Signature.ElectronicallySignedAt };
        Deceased = new DeceasedPatientStanding();
        Minor = new MinorReview();
        // Which sensitive categories the records held or withheld says something of the patient's health.
        _categoriesPresent = [];
        _withheldCategories = [];
        _withheldReasons = [];
        _missingElements = [];
        DecisionSummary = Replaced(DecisionSummary);
        ExtensionReason = Replaced(ExtensionReason);
        CancellationReason = Replaced(CancellationReason);
        DenialBasis = Replaced(DenialBasis);
        FeeWaivedReason = Replaced(FeeWaivedReason);
        RedirectTo = Replaced(RedirectTo);
        PickupArrangedWith = Replaced(PickupArrangedWith);
        foreach (var payment in _payments) payment.RemoveCheckNumber();

        RetentionStage = keepPatientForAccounting ? RetentionStage.PatientKeptForAccounting : RetentionStage.Reduced;
        PersonalDataRemovedAt = at;
        Touch();
        return (documents, notes);
    }

    private static string? Replaced(string? text) => text is null ? null : RemovedText;
}
