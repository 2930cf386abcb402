namespace BackOffice.Web.Tests.PatientRequest.Support;

/// <summary>A form's answers, step by step; valid for a patient asking for their own records by mail.</summary>
public sealed class Answers
{
    public string LastName { get; } = "Lopez" + Guid.NewGuid().ToString("N")[..8];

    public Fields Who { get; } = new() { ["Requester.Type"] = "Patient", ["Receives"] = "Requester" };
    public Fields Patient { get; } = new()
    {
        ["Patient.FirstName"] = "Maria", ["Patient.DateOfBirth"] = "1980-03-31", ["Patient.Phone"] = "630-555-0100",
        ["Patient.Email"] = "maria@example.com", ["Patient.Address.Line1"] = "12 Elm Street", ["Patient.Address.City"] = "Naperville",
        ["Patient.Address.State"] = "IL", ["Patient.Address.PostalCode"] = "60540",
    };
    public Fields Release { get; } = new()
    {
        ["Locations"] = "MedicalGroup", ["Recipient.Name"] = "Maria Lopez", ["Recipient.Address.Line1"] = "12 Elm Street",
        ["Recipient.Address.City"] = "Naperville", ["Recipient.Address.State"] = "IL", ["Recipient.Address.PostalCode"] = "60540",
        ["Recipient.Email"] = "maria@example.com",
    };
    public Fields Information { get; } = new() { ["Information.AllRecords"] = "true" };
    public Fields Delivery { get; } = new() { ["Delivery"] = "Mail", ["Format"] = "Paper" };
    public Fields Purpose { get; } = new();
    public Fields Sign { get; } = new() { ["Signature.ElectronicSignature"] = "Maria Lopez", ["Signature.Agreed"] = "true" };
    public UploadFile PhotoId { get; set; } = UploadFile.Jpeg("PhotoId", "drivers-license.jpg");

    public Answers() => Patient["Patient.LastName"] = LastName;

    /// <summary>An attorney asking, with the patient's authorization: purpose and expiry given.</summary>
    public Answers AsAttorney()
    {
        Who["Requester.Type"] = "Attorney";
        Who["Requester.Name"] = "Sam Counsel";
        Who["Requester.Organisation"] = "Counsel & Co";
        Who["Requester.Email"] = "sam@counsel.example";
        Purpose["Purpose"] = "Legal";
        Purpose["ExpiresOn"] = "2027-12-31";
        Sign["Signature.SignerRelationship"] = "Patient";
        return this;
    }

    public Fields For(string path) => path switch
    {
        "/request" => Who,
        "/request/patient" => Patient,
        "/request/release" => Release,
        "/request/information" => Information,
        "/request/delivery" => Delivery,
        "/request/purpose" => Purpose,
        "/request/sign" => Sign,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "not a step"),
    };
}
