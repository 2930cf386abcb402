using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.AuthorizationForm;

/// <summary><see cref="AuthorizationFormInput.ToDraft"/>: the same form read for each channel.</summary>
public sealed class AuthorizationFormDraftTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static AuthorizationFormInput PatientForm() => new()
    {
        Requester = new RequesterInput { Type = RequesterType.Patient, Name = "ignored when the patient asks", Organisation = "ignored" },
        Receives = RecipientChoice.Requester,
        Patient = new PatientInput
        {
            FirstName = " Maria ", LastName = "Lopez", DateOfBirth = "1980-03-31", Phone = "312-555-0101", Email = "maria@example.org",
            Address = new AddressInput { Line1 = "12 Elm Street", City = "Naperville", State = "IL", PostalCode = "60540" },
        },
        Locations = [RecordsLocation.MedicalGroup, RecordsLocation.MedicalGroup],
        Recipient = new RecipientInput
        {
            Name = "Maria Lopez", Address = new AddressInput { Line1 = "12 Elm Street", City = "Naperville", State = "IL", PostalCode = "60540" },
        },
        Information = new InformationInput { AllRecords = true, From = "01/01/2020", RecordTypes = ["Billing records"] },
        Delivery = DeliveryMethod.Mail,
        Format = RecordFormat.Paper,
        ExpiresOn = "12/31/2027",
        ExpiryEvent = "end of the lawsuit",
        Signature = new SignatureInput { ElectronicSignature = "Maria Lopez", Agreed = true, SignerName = "M. Lopez", SignedOn = "03/02/2026" },
    };

    [Fact]
    public void Online_IsAnAccessRequest_SignedWithTheTypedName_OnTheDayItIsSent()
    {
        var signedAt = new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

        var draft = PatientForm().ToDraft(FormChannel.Online, Today, new SigningFacts(signedAt, "203.0.113.9"));

        draft.Channel.ShouldBe(RequestChannel.Online);
        draft.Kind.ShouldBe(RequestKind.Access);
        draft.Signature.ShouldBe(new SignatureDetails
        {
            SignerName = "Maria Lopez", SignerRelationship = "Patient", SignedOn = Today, ElectronicSignature = "Maria Lopez",
            ElectronicallySignedAt = signedAt, SignerIpAddress = "203.0.113.9",
        });
        draft.Validate(Today).ShouldBeEmpty();
    }

    [Fact]
    public void Paper_CopiesTheHandSignatureAsWritten()
    {
        var draft = PatientForm().ToDraft(FormChannel.Paper, Today);

        draft.Channel.ShouldBe(RequestChannel.Paper);
        draft.Signature.SignerName.ShouldBe("M. Lopez");
        draft.Signature.SignedOn.ShouldBe(new DateOnly(2026, 3, 2));
        draft.Signature.SignerRelationship.ShouldBe("Patient");
        draft.Signature.ElectronicSignature.ShouldBeNull();
    }

    [Fact]
    public void WhenThePatientAsks_TheRequesterIsThePatient_AndNothingThatDoesNotApplyIsKept()
    {
        var draft = PatientForm().ToDraft(FormChannel.Online, Today);

        draft.Patient.FirstName.ShouldBe("Maria");
        draft.Patient.DateOfBirth.ShouldBe(new DateOnly(1980, 3, 31));
        draft.Requester.Name.ShouldBe("Maria Lopez");
        draft.Requester.Organisation.ShouldBeNull();
        draft.Requester.Email.ShouldBe("maria@example.org");
        draft.Locations.ShouldBe([RecordsLocation.MedicalGroup]);
        // All records: no range or kinds, even if some were ticked before "all" was chosen.
        draft.Information.From.ShouldBeNull();
        draft.Information.RecordTypes.ShouldBeEmpty();
        // 45 CFR 164.524: the patient's own access has no expiry.
        draft.ExpiresOn.ShouldBeNull();
        draft.ExpiryEvent.ShouldBeNull();
        draft.Purpose.ShouldBe(RequestPurpose.AtRequestOfIndividual);
    }

    [Fact]
    public void ThePatientAndTheRecipient_GetAddressObjectsOfTheirOwn()
    {
        var draft = PatientForm().ToDraft(FormChannel.Online, Today);

        draft.Recipient.Address.ShouldBe(draft.Patient.Address);
        ReferenceEquals(draft.Recipient.Address, draft.Patient.Address).ShouldBeFalse();
    }

    // 45 CFR 164.508(c)(2): the online form prints the required statements above every authorization's signature; a
    // paper form says whether it has them.
    [Fact]
    public void RequiredStatements_AreThoseTheOnlineFormPrints_OrWhatThePaperFormHas()
    {
        var form = PatientForm();
        form.Kind = RequestKind.Authorization;
        form.Requester = new RequesterInput { Type = RequesterType.Attorney, Name = "Jo Counsel", Phone = "1" };
        form.RequiredStatementsPresent = false;

        form.ToDraft(FormChannel.Online, Today).RequiredStatementsPresent.ShouldBeTrue();
        form.ToDraft(FormChannel.Paper, Today).RequiredStatementsPresent.ShouldBeFalse();
        form.ToDraft(FormChannel.Paper, Today).ExpiresOn.ShouldBe(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void ARepresentativesCapacity_FollowsFromTheirAuthority_OnlineButIsCopiedAsWrittenOnPaper()
    {
        var form = PatientForm();
        form.Requester = new RequesterInput
        {
            Type = RequesterType.PersonalRepresentative, Name = "Ana Lopez", Authority = RepresentativeAuthority.Guardian, AuthorityDescription = "since 2021",
        };
        form.Signature.SignerRelationship = "Mother and guardian";

        form.ToDraft(FormChannel.Online, Today).Signature.SignerRelationship.ShouldBe(RequestLabels.Authority(RepresentativeAuthority.Guardian));
        form.ToDraft(FormChannel.Paper, Today).Signature.SignerRelationship.ShouldBe("Mother and guardian");
    }

    [Fact]
    public void DatesThatCannotBeRead_BecomeNoDate_ForTheChecksToReport()
    {
        var form = PatientForm();
        form.Patient.DateOfBirth = "02/30/1980";

        var draft = form.ToDraft(FormChannel.Online, Today);

        draft.Patient.DateOfBirth.ShouldBe(default);
        draft.Validate(Today).ShouldContain(e => e.Field == "Patient.DateOfBirth");
    }
}
