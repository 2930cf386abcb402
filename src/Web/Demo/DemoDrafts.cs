using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Demo;

/// <summary>Made-up forms for the demo requests: no real person, addresses on made-up streets, example.org e-mail.</summary>
internal static class DemoDrafts
{
    private static readonly DateOnly SignedOn = new(2026, 1, 5);

    public static RecordsRequestDraft Patient(string first, string last, DeliveryMethod delivery, RequestChannel channel)
    {
        var name = $"{first} {last}";
        var email = $"{first}.{last}@example.org".ToLowerInvariant();
        var address = Address(last);
        return new RecordsRequestDraft
        {
            Channel = channel,
            Kind = RequestKind.Access,
            Patient = PatientDetails(first, last, address, email),
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = name, Email = email },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = name, Address = address, Email = email },
            Information = new RequestedInformation { AllRecords = true },
            Delivery = delivery,
            Format = delivery == DeliveryMethod.Portal ? RecordFormat.Electronic : RecordFormat.Paper,
            Purpose = RequestPurpose.AtRequestOfIndividual,
            Signature = new SignatureDetails
            {
                SignerName = name, SignedOn = SignedOn, ElectronicSignature = channel == RequestChannel.Online ? name : null,
            },
        };
    }

    public static RecordsRequestDraft Attorney(string first, string last)
    {
        var address = new PostalAddress { Line1 = "200 W Adams St", Line2 = "Suite 1500", City = "Chicago", State = "IL", PostalCode = "60606" };
        return Patient(first, last, DeliveryMethod.Mail, RequestChannel.Paper) with
        {
            Kind = RequestKind.Authorization,
            Requester = new RequesterDetails
            {
                Type = RequesterType.Attorney, Name = "Jordan Blake", Organisation = "Blake & Reyes LLP", Email = "records@blake-reyes.example.org",
            },
            Recipient = new RecipientDetails
            {
                Type = RequesterType.Attorney, Name = "Jordan Blake", Organisation = "Blake & Reyes LLP", Address = address,
                Email = "records@blake-reyes.example.org",
            },
            Purpose = RequestPurpose.Legal,
            ExpiresOn = new DateOnly(2027, 12, 31),
            RequiredStatementsPresent = true,
            Signature = new SignatureDetails { SignerName = $"{first} {last}", SignerRelationship = "Patient", SignedOn = SignedOn },
        };
    }

    public static RecordsRequestDraft ToProvider(string first, string last, DeliveryMethod delivery)
    {
        var address = new PostalAddress { Line1 = "500 Lakeview Dr", City = "Naperville", State = "IL", PostalCode = "60540" };
        return Patient(first, last, delivery, RequestChannel.Online) with
        {
            Recipient = new RecipientDetails
            {
                Type = RequesterType.Provider, Name = "Dr. Priya Shah", Organisation = "Lakeview Family Medicine", Address = address,
            },
            Purpose = RequestPurpose.ContinuingCare,
        };
    }

    public static RecordsRequestDraft OtherFacility(string first, string last) =>
        Patient(first, last, DeliveryMethod.Mail, RequestChannel.Online) with
        {
            Locations = [RecordsLocation.OtherFacility],
            OtherFacilityName = "Riverside Community Hospital",
        };

    private static PatientDetails PatientDetails(string first, string last, PostalAddress address, string email) => new()
    {
        FirstName = first,
        LastName = last,
        DateOfBirth = new DateOnly(1950 + (last.Length * 7 % 50), 1 + (first.Length % 12), 1 + (last.Length * 3 % 28)),
        Address = address,
        Email = email,
        Phone = "630-555-01" + (10 + (last.Length * 7 % 90)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static PostalAddress Address(string last) =>
        new() { Line1 = $"{10 + last.Length} Elm Street", City = "Downers Grove", State = "IL", PostalCode = "60515" };
}
