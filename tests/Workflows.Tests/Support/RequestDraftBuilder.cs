using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>A complete, valid draft: a patient asking for their own records by mail. Change what a test needs.</summary>
public sealed class RequestDraftBuilder
{
    private RecordsRequestDraft _draft = new()
    {
        Channel = RequestChannel.Online,
        Kind = RequestKind.Access,
        Patient = new PatientDetails
        {
            FirstName = "Maria",
            LastName = "Lopez",
            DateOfBirth = new DateOnly(1980, 4, 12),
            Address = Address,
            Email = "maria@example.org",
            Phone = "630-555-0100",
        },
        Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Email = "maria@example.org" },
        Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Address = Address, Email = "maria@example.org" },
        Information = new RequestedInformation { AllRecords = true },
        Delivery = DeliveryMethod.Mail,
        Format = RecordFormat.Paper,
        Purpose = RequestPurpose.AtRequestOfIndividual,
        Signature = new SignatureDetails
        {
            SignerName = "Maria Lopez",
            SignedOn = new DateOnly(2026, 3, 1),
            ElectronicSignature = "Maria Lopez",
            ElectronicallySignedAt = new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero),
            SignerIpAddress = "203.0.113.7",
        },
    };

    public static PostalAddress Address { get; } = new()
    {
        Line1 = "100 Main St", City = "Downers Grove", State = "IL", PostalCode = "60515",
    };

    public RequestDraftBuilder With(Func<RecordsRequestDraft, RecordsRequestDraft> change)
    {
        _draft = change(_draft);
        return this;
    }

    public RequestDraftBuilder DeliveredBy(DeliveryMethod delivery) => With(d => d with { Delivery = delivery });

    public RequestDraftBuilder ForAttorney() => With(d => d with
    {
        Kind = RequestKind.Authorization,
        Requester = new RequesterDetails { Type = RequesterType.Attorney, Name = "Sam Reed", Organisation = "Reed Law LLC" },
        Recipient = new RecipientDetails { Type = RequesterType.Attorney, Name = "Sam Reed", Organisation = "Reed Law LLC", Address = Address },
        Purpose = RequestPurpose.Legal,
        ExpiresOn = new DateOnly(2027, 3, 1),
        RequiredStatementsPresent = true,
    });

    public RecordsRequestDraft Build() => _draft;
}
