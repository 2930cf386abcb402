using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.AuthorizationForm;

/// <summary>One set of checks and messages for every channel; what differs between channels is named by <see cref="FormChannel"/>.</summary>
public sealed class AuthorizationFormChecksTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static FormCheckContext Context(FormChannel channel) => new(Today, new SiteOptions(), channel);

    private static Dictionary<string, string> Errors(AuthorizationFormInput form, FormChannel channel) =>
        AuthorizationFormChecks.All(form, Context(channel)).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.First().Message);

    /// <summary>An attorney's authorization with a mental-health consent, filled in completely.</summary>
    private static AuthorizationFormInput AttorneyForm() => new()
    {
        Kind = RequestKind.Authorization,
        Requester = new RequesterInput { Type = RequesterType.Attorney, Name = "Jo Counsel", Phone = "312-555-0100" },
        Receives = RecipientChoice.Requester,
        Patient = new PatientInput { FirstName = "Maria", LastName = "Lopez", DateOfBirth = "03/31/1980" },
        Locations = [RecordsLocation.MedicalGroup],
        Recipient = new RecipientInput { Name = "Jo Counsel", Email = "jo@example.org" },
        Information = new InformationInput { AllRecords = true },
        Consents = new ConsentsInput
        {
            Categories = [SensitiveCategory.MentalHealth], WitnessName = "Wanda Ness", WitnessSignature = "Wanda Ness", WitnessedOn = "03/10/2026",
        },
        Delivery = DeliveryMethod.Portal,
        Format = RecordFormat.Electronic,
        Purpose = RequestPurpose.Legal,
        ExpiresOn = "12/31/2026",
        Signature = new SignatureInput
        {
            ElectronicSignature = "Maria Lopez", Agreed = true, SignerName = "Maria Lopez", SignerRelationship = "Patient", SignedOn = "03/01/2026",
        },
    };

    [Theory]
    [InlineData("jo@example.org, sam@example.org", AuthorizationFormChecks.OneEmailMessage)]
    [InlineData("jo@example.org;sam@example.org", AuthorizationFormChecks.OneEmailMessage)]
    [InlineData("jo@example.org sam@example.org", AuthorizationFormChecks.OneEmailMessage)]
    [InlineData("Jo Counsel <jo@example.org>", AuthorizationFormChecks.EmailMessage)]
    [InlineData("jo@localhost", AuthorizationFormChecks.EmailMessage)]
    [InlineData("jo@@example.org", AuthorizationFormChecks.OneEmailMessage)]
    [InlineData("jo..counsel@example.org", AuthorizationFormChecks.EmailMessage)]
    [InlineData("\"jo\"@example.org", AuthorizationFormChecks.EmailMessage)]
    public void AnEmailField_TakesExactlyOneAddress_OnEveryChannel(string typed, string message)
    {
        foreach (var channel in new[] { FormChannel.Online, FormChannel.Paper })
        {
            var form = AttorneyForm();
            form.Recipient.Email = typed;
            form.Patient.Email = typed;

            var errors = Errors(form, channel);

            errors["Recipient.Email"].ShouldBe(message);
            errors["Patient.Email"].ShouldBe(message);
        }
    }

    [Theory]
    [InlineData("jo@example.org")]
    [InlineData("jo.counsel+records@law-firm.example.co.uk")]
    [InlineData("  maría@correo.example.es  ")]
    public void AnEmailField_TakesOneOrdinaryAddress(string typed)
    {
        var form = AttorneyForm();
        form.Recipient.Email = typed;

        Errors(form, FormChannel.Online).ShouldNotContainKey("Recipient.Email");
        MimeKit.MailboxAddress.Parse(typed.Trim()).Address.ShouldBe(typed.Trim()); // what the sender will parse
    }

    [Fact]
    public void ACompleteForm_PassesOnEveryChannel()
    {
        Errors(AttorneyForm(), FormChannel.Online).ShouldBeEmpty();
        Errors(AttorneyForm(), FormChannel.Paper).ShouldBeEmpty();
    }

    [Fact]
    public void TheSameProblem_GetsTheSameMessage_OnlineAndOnPaper()
    {
        var form = AttorneyForm();
        form.Requester.Email = "not an address";
        form.Patient.DateOfBirth = "31/31/1980";
        form.Consents.WitnessedOn = "the day before";
        form.Delivery = DeliveryMethod.UnencryptedEmail;

        var online = Errors(form, FormChannel.Online);
        var paper = Errors(form, FormChannel.Paper);

        foreach (var field in new[] { "Requester.Email", "Patient.DateOfBirth", "Consents.WitnessedOn", "Delivery" })
            paper[field].ShouldBe(online[field]);
        online["Requester.Email"].ShouldBe("Enter an e-mail address like name@example.com.");
        online["Patient.DateOfBirth"].ShouldBe("Enter the date of birth as a real date, for example 03/31/1980.");
    }

    // 45 CFR 164.508(c)(1): an authorization names its purpose and an expiry date or event. Online the requester is asked
    // now; on paper the form is keyed in as written and the release rules hold it for what it lacks.
    [Fact]
    public void PurposeAndExpiry_AreRequiredOnline_AndLeftToTheRulesOnPaper()
    {
        var form = AttorneyForm();
        form.Purpose = null;
        form.ExpiresOn = null;

        var online = Errors(form, FormChannel.Online);
        online["Purpose"].ShouldBe("Choose the purpose of the release.");
        online["ExpiresOn"].ShouldContain("Mental health records need an end date");
        Errors(form, FormChannel.Paper).ShouldBeEmpty();
    }

    [Fact]
    public void AnotherFacilitysRecords_AreRefusedOnline_AndKeyedInOnPaperForTheRedirectLetter()
    {
        var form = AttorneyForm();
        form.Locations = [RecordsLocation.OtherFacility];
        form.OtherFacilityName = "Elsewhere Hospital";

        Errors(form, FormChannel.Online)["Locations"].ShouldContain("We can only send copies of records made by");
        Errors(form, FormChannel.Paper).ShouldNotContainKey("Locations");
    }

    [Fact]
    public void OnlySomeRecords_WithNothingSayingWhich_IsAskedOnline_NotOnPaper()
    {
        var form = AttorneyForm();
        form.Information = new InformationInput { AllRecords = false };

        Errors(form, FormChannel.Online)["Information.RecordTypes"].ShouldBe("Say which records you want: dates, kinds of records or a description.");
        Errors(form, FormChannel.Paper).ShouldNotContainKey("Information.RecordTypes");
    }

    [Fact]
    public void TheKind_MustBeChosen_AndAccessIsOnlyForThePatientOrARepresentative()
    {
        var form = AttorneyForm();
        form.Kind = null;
        Errors(form, FormChannel.Paper)["Kind"].ShouldStartWith("Choose whether this is the patient's own access request");

        form.Kind = RequestKind.Access;
        Errors(form, FormChannel.Paper)["Kind"].ShouldContain("choose authorization for anyone else");
    }

    [Fact]
    public void TheSignature_OnlineNeedsTheAgreement_OnPaperAReadableDate()
    {
        var form = AttorneyForm();
        form.Signature.Agreed = false;
        form.Signature.SignedOn = "yesterday";

        Errors(form, FormChannel.Online).ShouldBe(new Dictionary<string, string>
        {
            ["Signature.Agreed"] = "Tick the box to agree that typing your name is your signature.",
        });
        Errors(form, FormChannel.Paper).ShouldBe(new Dictionary<string, string>
        {
            ["Signature.SignedOn"] = "Enter the date signed as a real date, for example 03/31/2026.",
        });
    }

    // 740 ILCS 110/5(b): the mental-health consent of an authorization is signed and witnessed. Online the witness is
    // asked for now and a bad one refused at the field; a paper form is keyed in as written and the rules withhold those
    // records instead. The patient's own access needs no witness at all (45 CFR 164.524).
    [Fact]
    public void MentalHealthWitness_IsRequiredOnline_ForAThirdParty_NotOnPaper_NotForThePatientsOwnAccess()
    {
        var form = AttorneyForm();
        form.Consents.WitnessName = null;
        form.Consents.WitnessSignature = null;
        form.Consents.WitnessedOn = null;

        Errors(form, FormChannel.Online).Keys.ShouldBe(["Consents.WitnessName", "Consents.WitnessSignature", "Consents.WitnessedOn"], ignoreOrder: true);
        Errors(form, FormChannel.Paper).ShouldBeEmpty();

        form.Kind = RequestKind.Access;
        form.Requester = new RequesterInput { Type = RequesterType.Patient };
        form.Patient.Email = "maria@example.org";
        form.Signature.SignerRelationship = null;
        Errors(form, FormChannel.Online).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Jo Counsel", "Jo Counsel", "03/10/2026", "Consents.WitnessName", "cannot be the person receiving the records")]
    [InlineData("Wanda Ness", "Someone Else", "03/10/2026", "Consents.WitnessSignature", "signs with the name given above")]
    [InlineData("Wanda Ness", "Wanda Ness", "03/09/2026", "Consents.WitnessedOn", "enter today's date")]
    [InlineData("Wanda Ness", "Wanda Ness", "03/11/2026", "Consents.WitnessedOn", "enter today's date")]
    public void AnOnlineWitness_MustAttestTheSignature_740ILCS110_5b(string name, string signature, string date, string field, string message)
    {
        var form = AttorneyForm();
        form.Consents.WitnessName = name;
        form.Consents.WitnessSignature = signature;
        form.Consents.WitnessedOn = date;

        var errors = Errors(form, FormChannel.Online);

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldContain(message);
    }

    [Theory]
    [InlineData("Kind", FormSection.Requester)]
    [InlineData("Receives", FormSection.Requester)]
    [InlineData("Requester.Email", FormSection.Requester)]
    [InlineData("Patient.Address", FormSection.Patient)]
    [InlineData("OtherFacilityName", FormSection.Release)]
    [InlineData("Recipient.Email", FormSection.Release)]
    [InlineData("Consents", FormSection.Information)]
    [InlineData("Consents.WitnessName", FormSection.Information)]
    [InlineData("Format", FormSection.Delivery)]
    [InlineData("ExpiryEvent", FormSection.Purpose)]
    [InlineData("Signature.SignedOn", FormSection.Signature)]
    [InlineData("Documents", FormSection.Signature)]
    public void SectionOf_PlacesEachFieldInItsPartOfTheForm(string field, FormSection section) =>
        AuthorizationFormChecks.SectionOf(field).ShouldBe(section);

    [Fact]
    public void FieldOrder_NamesEveryFieldOnce()
    {
        AuthorizationFormInput.FieldOrder.Distinct().Count().ShouldBe(AuthorizationFormInput.FieldOrder.Count);
        AuthorizationFormInput.FieldOrder.ShouldContain("Signature.ElectronicSignature");
        AuthorizationFormInput.FieldOrder.ShouldContain("Signature.SignedOn");
    }
}
