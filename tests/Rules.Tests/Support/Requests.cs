using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests.Support;

/// <summary>Requests as intake creates them, for tests that go through the domain model.</summary>
public static class Requests
{
    public static readonly DateOnly Received = new(2024, 3, 1);

    public static RecordsRequestDraft PatientDraft() => new()
    {
        Channel = RequestChannel.Paper,
        Kind = RequestKind.Access,
        Patient = new PatientDetails { FirstName = "Ada", LastName = "Lovelace", DateOfBirth = new DateOnly(1980, 12, 10) },
        Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Ada Lovelace" },
        Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Ada Lovelace" },
        Information = new RequestedInformation { AllRecords = true },
        Delivery = DeliveryMethod.Pickup,
        Format = RecordFormat.Paper,
        Purpose = RequestPurpose.AtRequestOfIndividual,
        Signature = new SignatureDetails { SignerName = "Ada Lovelace", SignedOn = Received },
    };

    public static RecordsRequestDraft AttorneyDraft() => PatientDraft() with
    {
        Kind = RequestKind.Authorization,
        Requester = new RequesterDetails { Type = RequesterType.Attorney, Name = "Grace Hopper", Organisation = "Hopper LLP" },
        Recipient = new RecipientDetails { Type = RequesterType.Attorney, Name = "Grace Hopper", Organisation = "Hopper LLP" },
        Purpose = RequestPurpose.Legal,
        ExpiresOn = Received.AddYears(1),
        RequiredStatementsPresent = true,
    };

    public static RecordsRequest Create(RecordsRequestDraft draft, DateOnly? received = null) =>
        RecordsRequest.Create(draft, received ?? Received);
}
