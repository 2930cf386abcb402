using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Workflows.Tests.Disclosures;

public sealed class AccountableDisclosureDraftTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Born = new(1980, 4, 12);

    private static AccountableDisclosureDraft Valid => DisclosureAccountingTests.Draft("Lopez", "Maria", Born, Today.AddDays(-1));

    private static DepartmentClock Clock => new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero)),
        "America/Chicago");

    [Fact]
    public void Validate_AcceptsACompleteDraft_WithoutAnAddressOrMrn() =>
        (Valid with { RecipientAddress = null, MedicalRecordNumber = " " }).Validate(Today).ShouldBeEmpty();

    [Fact]
    public void Validate_NamesEachMissingField_WithItsMessage()
    {
        var errors = new AccountableDisclosureDraft().Validate(Today);

        errors.ToDictionary(e => e.Field, e => e.Message).ShouldBe(new Dictionary<string, string>
        {
            ["LastName"] = "Enter the patient's last name.",
            ["FirstName"] = "Enter the patient's first name.",
            ["DateOfBirth"] = "Enter the patient's date of birth; it cannot be in the future.",
            ["DisclosedOn"] = "Enter the date the records were disclosed.",
            ["RecipientName"] = "Enter who received the records (a person or an organization).",
            ["Description"] = "Describe the information disclosed, for example \"lab results of 03/02/2026\".",
            ["LegalBasis"] = "Choose the legal basis for the disclosure.",
            ["PurposeDetail"] = "Say briefly why the records were disclosed, for example \"reportable disease report to the county\".",
            ["Method"] = "Choose how the records were disclosed.",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("future", "DisclosedOn", "The date disclosed cannot be in the future.")]
    [InlineData("before-birth", "DisclosedOn", "The date disclosed cannot be before the patient's date of birth.")]
    [InlineData("unborn", "DateOfBirth", "Enter the patient's date of birth; it cannot be in the future.")]
    [InlineData("unknown-basis", "LegalBasis", "Choose the legal basis for the disclosure.")]
    [InlineData("unknown-method", "Method", "Choose how the records were disclosed.")]
    [InlineData("long-recipient", "RecipientName", "Use at most 400 characters for the recipient.")]
    [InlineData("long-address", "RecipientAddress", "Use at most 500 characters for the address.")]
    [InlineData("long-description", "Description", "Use at most 1000 characters for the description.")]
    [InlineData("long-mrn", "MedicalRecordNumber", "An MRN has at most 40 characters.")]
    public void Validate_RefusesAWrongValue_NextToItsField(string change, string field, string message)
    {
        var draft = change switch
        {
            "future" => Valid with { DisclosedOn = Today.AddDays(1) },
            "before-birth" => Valid with { DisclosedOn = Born.AddDays(-1) },
            "unborn" => Valid with { DateOfBirth = Today.AddDays(1), DisclosedOn = Today },
            "unknown-basis" => Valid with { LegalBasis = "Treatment" },
            "unknown-method" => Valid with { Method = "Carrier pigeon" },
            "long-recipient" => Valid with { RecipientName = new string('r', 401) },
            "long-address" => Valid with { RecipientAddress = new string('a', 501) },
            "long-description" => Valid with { Description = new string('d', 1001) },
            _ => Valid with { MedicalRecordNumber = new string('9', 41) },
        };

        draft.Validate(Today).ShouldHaveSingleItem().ShouldBe(new FieldError(field, message));
    }

    [Fact]
    public void WithoutAuthorization_ThrowsTheFirstProblem_NamingItsField()
    {
        var refused = Should.Throw<DomainException>(() => Disclosure.WithoutAuthorization(Valid with { RecipientName = " " }, Clock));

        refused.Field.ShouldBe("RecipientName");
        refused.Message.ShouldBe("Enter who received the records (a person or an organization).");
    }

    [Fact]
    public void WithoutAuthorization_IsRequiredInTheAccounting_WithThePurposeNamingItsBasis()
    {
        var disclosure = Disclosure.WithoutAuthorization(Valid with { LegalBasis = "JudicialProceeding", PurposeDetail = " order of 02/27/2026 " }, Clock);

        disclosure.ShouldSatisfyAllConditions(
            d => d.RequiredInAccounting.ShouldBeTrue(),
            d => d.RequestId.ShouldBeNull(),
            d => d.Purpose.ShouldBe("Court order or subpoena (164.512(e)): order of 02/27/2026"),
            d => d.DisclosedAt.ShouldBe(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void PatientIdentity_NeedsAnMrn_OrTheFullNameAndDateOfBirth()
    {
        PatientIdentity.Validate(null, null, null, "MRN-1").ShouldBeEmpty();
        PatientIdentity.Validate("Lopez", "Maria", Born, null).ShouldBeEmpty();
        PatientIdentity.Validate("Lopez", " ", null, null).Select(e => e.Field).ShouldBe(["FirstName", "DateOfBirth"]);
        Should.Throw<DomainException>(() => PatientIdentity.Create(null, "Maria", Born)).Field.ShouldBe("LastName");
    }

    [Fact]
    public void PatientIdentity_AuditReference_NamesNoPatient_ButIsTheSameForTheSamePatient()
    {
        var fields = TestFields.Shared;
        var one = PatientIdentity.Create("Lopez", "Maria", Born).AuditReference(fields);
        var again = PatientIdentity.Create(" LOPEZ", "maria ", Born).AuditReference(fields);
        var other = PatientIdentity.Create("Lopez", "Maria", Born.AddDays(1)).AuditReference(fields);

        one.ShouldStartWith("patient:");
        one.ShouldNotContain("Lopez", Case.Insensitive);
        one.ShouldNotContain("1980");
        again.ShouldBe(one);
        other.ShouldNotBe(one);
        var byMrn = PatientIdentity.Create(null, null, null, "MRN-1").AuditReference(fields);
        byMrn.ShouldStartWith("mrn:");
        byMrn.ShouldNotContain("MRN-1");
        PatientIdentity.Create(null, null, null, "MRN-1").AuditReference(fields).ShouldBe(byMrn);
    }

    [Fact]
    public void PatientIdentity_AuditReference_IsKeyed_SoItCannotBeRecomputedFromANameAndTheFewPossibleDates()
    {
        var patient = PatientIdentity.Create("Lopez", "Maria", Born);

        patient.AuditReference(new FieldEncryption(FieldKey.NewRandom())).ShouldNotBe(patient.AuditReference(TestFields.Shared));
    }
}
