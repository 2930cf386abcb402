using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The one place that maps the columns holding identifying or health information: each is marked with the
/// <see cref="Annotation"/> (tests and tools find them by it) and given its length. Nothing is encrypted yet; encryption
/// at rest will be added here (a value converter in <see cref="MarkSensitive{T}"/>), and nowhere else has to change.
/// </summary>
internal static class SensitiveFields
{
    public const string Annotation = "BackOffice:Sensitive";

    public static void MapPatient(OwnedNavigationBuilder<RecordsRequest, PatientDetails> patient)
    {
        MarkSensitive(patient.Property(p => p.FirstName), 100);
        MarkSensitive(patient.Property(p => p.MiddleName), 100);
        MarkSensitive(patient.Property(p => p.LastName), 100);
        MarkSensitive(patient.Property(p => p.FormerNames), 300);
        MarkSensitive(patient.Property(p => p.MedicalRecordNumber), 40);
        MarkSensitive(patient.Property(p => p.Phone), 40);
        MarkSensitive(patient.Property(p => p.Email), 254);
        patient.Property(p => p.DateOfBirth).HasAnnotation(Annotation, true);
        MapAddress(patient.OwnsOne(p => p.Address));
        // The queue searches by last name and date of birth; the index serves both.
        patient.HasIndex(p => new { p.LastName, p.DateOfBirth });
        patient.HasIndex(p => p.DateOfBirth);
        // The accounting of disclosures finds a patient by MRN.
        patient.HasIndex(p => p.MedicalRecordNumber);
        patient.Ignore(p => p.FullName);
    }

    /// <summary>The patient of a disclosure recorded without a request; the accounting searches these indexes.</summary>
    public static void MapDisclosurePatient(EntityTypeBuilder<Disclosure> disclosure)
    {
        MarkSensitive(disclosure.Property(d => d.PatientFirstName), 100);
        MarkSensitive(disclosure.Property(d => d.PatientLastName), 100);
        MarkSensitive(disclosure.Property(d => d.PatientMedicalRecordNumber), 40);
        MarkSensitive(disclosure.Property(d => d.PatientNameKey), 210);
        disclosure.Property(d => d.PatientDateOfBirth).HasAnnotation(Annotation, true);
        disclosure.HasIndex(d => new { d.PatientNameKey, d.PatientDateOfBirth });
        disclosure.HasIndex(d => d.PatientMedicalRecordNumber);
    }

    public static void MapRequester(OwnedNavigationBuilder<RecordsRequest, RequesterDetails> requester)
    {
        MarkSensitive(requester.Property(p => p.Name), 200);
        MarkSensitive(requester.Property(p => p.Organisation), 200);
        MarkSensitive(requester.Property(p => p.AuthorityDescription), 500);
        MarkSensitive(requester.Property(p => p.Phone), 40);
        MarkSensitive(requester.Property(p => p.Email), 254);
        requester.HasIndex(p => p.Type);
    }

    public static void MapRecipient(OwnedNavigationBuilder<RecordsRequest, RecipientDetails> recipient)
    {
        MarkSensitive(recipient.Property(p => p.Name), 200);
        MarkSensitive(recipient.Property(p => p.Organisation), 200);
        MarkSensitive(recipient.Property(p => p.Email), 254);
        MapAddress(recipient.OwnsOne(p => p.Address));
    }

    public static void MapSignature(OwnedNavigationBuilder<RecordsRequest, SignatureDetails> signature)
    {
        MarkSensitive(signature.Property(p => p.SignerName), 200);
        MarkSensitive(signature.Property(p => p.SignerRelationship), 100);
        MarkSensitive(signature.Property(p => p.ElectronicSignature), 200);
        MarkSensitive(signature.Property(p => p.SignerIpAddress), 64);
    }

    private static void MapAddress<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address) where TOwner : class
    {
        MarkSensitive(address.Property(a => a.Line1), 200);
        MarkSensitive(address.Property(a => a.Line2), 200);
        MarkSensitive(address.Property(a => a.City), 100);
        MarkSensitive(address.Property(a => a.State), 40);
        MarkSensitive(address.Property(a => a.PostalCode), 20);
        address.Ignore(a => a.IsComplete);
    }

    private static void MarkSensitive<T>(PropertyBuilder<T> property, int maxLength) =>
        property.HasMaxLength(maxLength).HasAnnotation(Annotation, true);
}
