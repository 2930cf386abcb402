using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The one place that maps the columns holding identifying or health information. Encryption at rest
/// is added here (a value converter in <see cref="Protect"/>), and nowhere else has to change.
/// </summary>
internal static class SensitiveFields
{
    public const string Annotation = "BackOffice:Sensitive";

    public static void MapPatient(OwnedNavigationBuilder<RecordsRequest, PatientDetails> patient)
    {
        Protect(patient.Property(p => p.FirstName), 100);
        Protect(patient.Property(p => p.MiddleName), 100);
        Protect(patient.Property(p => p.LastName), 100);
        Protect(patient.Property(p => p.FormerNames), 300);
        Protect(patient.Property(p => p.MedicalRecordNumber), 40);
        Protect(patient.Property(p => p.Phone), 40);
        Protect(patient.Property(p => p.Email), 254);
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
        Protect(disclosure.Property(d => d.PatientFirstName), 100);
        Protect(disclosure.Property(d => d.PatientLastName), 100);
        Protect(disclosure.Property(d => d.PatientMedicalRecordNumber), 40);
        Protect(disclosure.Property(d => d.PatientNameKey), 210);
        disclosure.Property(d => d.PatientDateOfBirth).HasAnnotation(Annotation, true);
        disclosure.HasIndex(d => new { d.PatientNameKey, d.PatientDateOfBirth });
        disclosure.HasIndex(d => d.PatientMedicalRecordNumber);
    }

    public static void MapRequester(OwnedNavigationBuilder<RecordsRequest, RequesterDetails> requester)
    {
        Protect(requester.Property(p => p.Name), 200);
        Protect(requester.Property(p => p.Organisation), 200);
        Protect(requester.Property(p => p.AuthorityDescription), 500);
        Protect(requester.Property(p => p.Phone), 40);
        Protect(requester.Property(p => p.Email), 254);
        requester.HasIndex(p => p.Type);
    }

    public static void MapRecipient(OwnedNavigationBuilder<RecordsRequest, RecipientDetails> recipient)
    {
        Protect(recipient.Property(p => p.Name), 200);
        Protect(recipient.Property(p => p.Organisation), 200);
        Protect(recipient.Property(p => p.Email), 254);
        MapAddress(recipient.OwnsOne(p => p.Address));
    }

    public static void MapSignature(OwnedNavigationBuilder<RecordsRequest, SignatureDetails> signature)
    {
        Protect(signature.Property(p => p.SignerName), 200);
        Protect(signature.Property(p => p.SignerRelationship), 100);
        Protect(signature.Property(p => p.ElectronicSignature), 200);
        Protect(signature.Property(p => p.SignerIpAddress), 64);
    }

    private static void MapAddress<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address) where TOwner : class
    {
        Protect(address.Property(a => a.Line1), 200);
        Protect(address.Property(a => a.Line2), 200);
        Protect(address.Property(a => a.City), 100);
        Protect(address.Property(a => a.State), 40);
        Protect(address.Property(a => a.PostalCode), 20);
        address.Ignore(a => a.IsComplete);
    }

    private static void Protect<T>(PropertyBuilder<T> property, int maxLength) =>
        property.HasMaxLength(maxLength).HasAnnotation(Annotation, true);
}
