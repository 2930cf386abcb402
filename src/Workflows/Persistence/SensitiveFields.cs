using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The one place that maps the columns holding identifying or health information. Each is marked with the
/// <see cref="Annotation"/> (tests and tools find them by it) and given its length. Those marked <see cref="Encrypted"/> are
/// stored encrypted (<see cref="FieldEncryption"/>; the context applies the converters, see
/// <see cref="FieldConverters"/>): dates of birth and death, MRNs, contact details (phones, e-mail addresses, street, city and
/// ZIP) and free text about the patient or the request. Names stay plain: the queue's name-prefix search needs them (see
/// README, "Data encrypted in the database"). Exact-match searches on an encrypted column compare a keyed hash kept in a
/// shadow column beside it (<see cref="SearchHashAnnotation"/>), filled when the row is saved.
/// </summary>
internal static class SensitiveFields
{
    public const string Annotation = "BackOffice:Sensitive";

    /// <summary>On an encrypted property: its purpose, bound into the ciphertext so a value only decrypts in its own column.</summary>
    public const string EncryptedAnnotation = "BackOffice:Encrypted";

    /// <summary>On a search-hash shadow property: "source property|hash purpose".</summary>
    public const string SearchHashAnnotation = "BackOffice:SearchHashOf";

    public const string DateOfBirthHash = "DateOfBirthHash";
    public const string MedicalRecordNumberHash = "MedicalRecordNumberHash";
    public const string DisclosureDateOfBirthHash = "PatientDateOfBirthHash";
    public const string DisclosureMedicalRecordNumberHash = "PatientMedicalRecordNumberHash";

    /// <summary>Hash purposes: one per kind of value, the same on requests and disclosures.</summary>
    public const string DateOfBirthPurpose = "date-of-birth";
    public const string MedicalRecordNumberPurpose = "mrn";

    private const int DateLength = 10;

    public static void MapPatient(OwnedNavigationBuilder<RecordsRequest, PatientDetails> patient)
    {
        MarkSensitive(patient.Property(p => p.FirstName), 100);
        MarkSensitive(patient.Property(p => p.MiddleName), 100);
        MarkSensitive(patient.Property(p => p.LastName), 100);
        Encrypted(patient.Property(p => p.FormerNames), "patient.former-names", 300);
        Encrypted(patient.Property(p => p.MedicalRecordNumber), "patient.mrn", 40);
        Encrypted(patient.Property(p => p.Phone), "patient.phone", 40);
        Encrypted(patient.Property(p => p.Email), "patient.email", 254);
        Encrypted(patient.Property(p => p.SecondPhone), "patient.second-phone", 40);
        Encrypted(patient.Property(p => p.PrimaryCareProvider), "patient.primary-care-provider", 200);
        Encrypted(patient.Property(p => p.DateOfBirth), "patient.date-of-birth", DateLength);
        Encrypted(patient.Property(p => p.DateOfDeath), "patient.date-of-death", DateLength);
        SearchHash(patient.Property<string?>(DateOfBirthHash), nameof(PatientDetails.DateOfBirth), DateOfBirthPurpose);
        SearchHash(patient.Property<string?>(MedicalRecordNumberHash), nameof(PatientDetails.MedicalRecordNumber), MedicalRecordNumberPurpose);
        MapAddress(patient.OwnsOne(p => p.Address), "patient.address");
        // The queue searches by date of birth, the accounting of disclosures by MRN: both compare the keyed hash.
        patient.HasIndex(DateOfBirthHash);
        patient.HasIndex(MedicalRecordNumberHash);
        patient.Ignore(p => p.FullName);
    }

    /// <summary>The patient of a disclosure recorded without a request; the accounting searches these indexes.</summary>
    public static void MapDisclosurePatient(EntityTypeBuilder<Disclosure> disclosure)
    {
        MarkSensitive(disclosure.Property(d => d.PatientFirstName), 100);
        MarkSensitive(disclosure.Property(d => d.PatientLastName), 100);
        MarkSensitive(disclosure.Property(d => d.PatientNameKey), 210);
        Encrypted(disclosure.Property(d => d.PatientMedicalRecordNumber), "disclosure.patient-mrn", 40);
        Encrypted(disclosure.Property(d => d.PatientDateOfBirth), "disclosure.patient-date-of-birth", DateLength);
        SearchHash(disclosure.Property<string?>(DisclosureDateOfBirthHash), nameof(Disclosure.PatientDateOfBirth), DateOfBirthPurpose);
        SearchHash(disclosure.Property<string?>(DisclosureMedicalRecordNumberHash), nameof(Disclosure.PatientMedicalRecordNumber),
            MedicalRecordNumberPurpose);
        disclosure.HasIndex(nameof(Disclosure.PatientNameKey), DisclosureDateOfBirthHash);
        disclosure.HasIndex(DisclosureMedicalRecordNumberHash);
    }

    /// <summary>Where a disclosure went and what and why: free text about the patient's records.</summary>
    public static void MapDisclosureContents(EntityTypeBuilder<Disclosure> disclosure)
    {
        MarkSensitive(disclosure.Property(d => d.RecipientName), 400);
        Encrypted(disclosure.Property(d => d.RecipientAddress), "disclosure.recipient-address", 500);
        Encrypted(disclosure.Property(d => d.Description), "disclosure.description", 1000);
        Encrypted(disclosure.Property(d => d.Purpose), "disclosure.purpose", 500);
    }

    public static void MapRequester(OwnedNavigationBuilder<RecordsRequest, RequesterDetails> requester)
    {
        MarkSensitive(requester.Property(p => p.Name), 200);
        MarkSensitive(requester.Property(p => p.Organisation), 200);
        Encrypted(requester.Property(p => p.AuthorityDescription), "requester.authority", 500);
        Encrypted(requester.Property(p => p.Phone), "requester.phone", 40);
        Encrypted(requester.Property(p => p.Email), "requester.email", 254);
        requester.HasIndex(p => p.Type);
    }

    public static void MapRecipient(OwnedNavigationBuilder<RecordsRequest, RecipientDetails> recipient)
    {
        MarkSensitive(recipient.Property(p => p.Name), 200);
        MarkSensitive(recipient.Property(p => p.Organisation), 200);
        Encrypted(recipient.Property(p => p.Email), "recipient.email", 254);
        Encrypted(recipient.Property(p => p.Phone), "recipient.phone", 40);
        Encrypted(recipient.Property(p => p.Fax), "recipient.fax", 40);
        MarkSensitive(recipient.Property(p => p.PickupBy), 120);
        MapAddress(recipient.OwnsOne(p => p.Address), "recipient.address");
    }

    public static void MapSignature(OwnedNavigationBuilder<RecordsRequest, SignatureDetails> signature)
    {
        MarkSensitive(signature.Property(p => p.SignerName), 200);
        MarkSensitive(signature.Property(p => p.SignerRelationship), 100);
        MarkSensitive(signature.Property(p => p.ElectronicSignature), 200);
        Encrypted(signature.Property(p => p.SignerIpAddress), "signature.ip-address", 64);
    }

    /// <summary>What is asked for and why, and the reasons staff type: free text that may describe the patient's care.</summary>
    public static void MapRequestText(EntityTypeBuilder<RecordsRequest> request)
    {
        request.OwnsOne(r => r.Information, info => Encrypted(info.Property(i => i.Description), "request.information", 2000));
        Encrypted(request.Property(r => r.PurposeDetail), "request.purpose", 300);
        Encrypted(request.Property(r => r.ExpiryEvent), "request.expiry-event", 300);
        Encrypted(request.Property(r => r.ExtensionReason), "request.extension-reason", 1000);
        Encrypted(request.Property(r => r.CancellationReason), "request.cancellation-reason", 1000);
        Encrypted(request.Property(r => r.DenialBasis), "request.denial-basis", 1000);
        Encrypted(request.Property(r => r.FeeWaivedReason), "request.fee-waived-reason", 1000);
        Encrypted(request.Property(r => r.PickupArrangedWith), "request.pickup-arranged-with", 300);
    }

    /// <summary>Street, city and ZIP are identifiers (45 CFR 164.514(b)(2)(i)(B)); the state is not, and stays plain.</summary>
    private static void MapAddress<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address, string purpose) where TOwner : class
    {
        Encrypted(address.Property(a => a.Line1), purpose + ".line1", 200);
        Encrypted(address.Property(a => a.Line2), purpose + ".line2", 200);
        Encrypted(address.Property(a => a.City), purpose + ".city", 100);
        MarkSensitive(address.Property(a => a.State), 40);
        Encrypted(address.Property(a => a.PostalCode), purpose + ".postal-code", 20);
        address.Ignore(a => a.IsComplete);
    }

    private static void MarkSensitive<T>(PropertyBuilder<T> property, int maxLength) =>
        property.HasMaxLength(maxLength).HasAnnotation(Annotation, true);

    /// <summary>
    /// Stored encrypted: the column becomes text long enough for the encrypted form of <paramref name="maxLength"/> characters
    /// (the database no longer checks the plain length; the forms do). <paramref name="purpose"/> names the column in the
    /// ciphertext and in messages; changing it makes stored values unreadable.
    /// </summary>
    public static void Encrypted<T>(PropertyBuilder<T> property, string purpose, int maxLength) =>
        property.HasMaxLength(FieldEncryption.StoredLength(maxLength)).HasAnnotation(Annotation, true).HasAnnotation(EncryptedAnnotation, purpose);

    private static void SearchHash(PropertyBuilder<string?> hash, string source, string purpose) =>
        hash.HasMaxLength(FieldEncryption.HashLength).HasAnnotation(SearchHashAnnotation, $"{source}|{purpose}");
}
