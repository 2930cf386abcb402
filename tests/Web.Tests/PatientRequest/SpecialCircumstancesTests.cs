using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>What the online form asks for a patient who has died (735 ILCS 5/8-2001.5) and a patient aged 12 to 17 (740 ILCS 110).</summary>
public sealed class SpecialCircumstancesTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    private static void AsAuthorizedRelative(Answers answers)
    {
        answers.Who["Requester.Type"] = "PersonalRepresentative";
        answers.Who["Requester.Authority"] = "AuthorizedRelative";
        answers.Who["Requester.AuthorityDescription"] = "Her husband";
        answers.Who["Requester.Name"] = "Jon Lopez";
        answers.Who["Requester.Email"] = "jon@example.com";
        answers.Patient["Patient.IsDeceased"] = "true";
        answers.Patient["Patient.DateOfDeath"] = "2025-11-02";
    }

    [Fact]
    public async Task AnAuthorizedRelative_IsAskedHowRelated_AndWhetherAnyoneComesFirst_735ILCS5_8_2001_5()
    {
        using var form = new RequestForm(app.Factory);
        AsAuthorizedRelative(form.Answers);
        await form.CompleteThroughAsync("/request");

        var (_, page) = await form.Client.GetPageAsync("/request/patient");
        var refused = await (await form.PostAsync("/request/patient", form.Answers.Patient)).Content.ReadAsStringAsync();

        page.ShouldContain("How is the authorized relative related to the patient?");
        StaffClient.FieldError(refused, "Deceased_Relation").ShouldBe("Say how you are related to the patient.");
        StaffClient.FieldError(refused, "Deceased_HigherPriorityPersonExists").ShouldNotBeNull().ShouldContain("surviving spouse");
    }

    [Fact]
    public async Task AnAuthorizedRelativesAnswers_ReachTheStoredRequest()
    {
        using var form = new RequestForm(app.Factory);
        AsAuthorizedRelative(form.Answers);
        form.Answers.Patient["Deceased.Relation"] = "SurvivingSpouse";
        form.Answers.Patient["Deceased.HigherPriorityPersonExists"] = "false";

        (await form.SubmitAsync()).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.Deceased.ShouldSatisfyAllConditions(
            d => d.Relation.ShouldBe(DeceasedRelation.SurvivingSpouse),
            d => d.HigherPriorityPersonExists.ShouldBe(false),
            d => d.PatientObjectedInWriting.ShouldBeFalse());
        // Without the Authorized Relative Certification uploaded, the rules hold the request and say so.
        request.State.ShouldBe("NeedsInformation");
        request.MissingElements.ShouldContain("The signed Authorized Relative Certification");
    }

    [Fact]
    public async Task AParent_IsAskedForThePatientsOwnSignature_WhichSaysTheyWereToldAndDoNotObject_740ILCS110_4a3()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.Who["Requester.Type"] = "PersonalRepresentative";
        form.Answers.Who["Requester.Authority"] = "ParentOfMinor";
        form.Answers.Who["Requester.AuthorityDescription"] = "Her mother";
        form.Answers.Who["Requester.Name"] = "Ana Lopez";
        form.Answers.Who["Requester.Email"] = "ana@example.com";
        form.Answers.Patient["Patient.DateOfBirth"] = DateTime.UtcNow.AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form.Answers.Patient["Minor.Signature"] = "Maria Lopez";
        await form.CompleteThroughAsync("/request");
        var (_, page) = await form.Client.GetPageAsync("/request/patient");
        page.ShouldContain("If the patient is 12 to 17: the patient types their full name");

        (await form.SubmitAsync()).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.Minor.Objection.ShouldBe(MinorObjection.InformedDoesNotObject);
        request.WithheldCategories.ShouldNotContain(SensitiveCategory.MentalHealth);
    }

    [Fact]
    public async Task TheSignatureStep_StatesTheRedisclosureNotice_OfEachCategoryConsentedTo()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        form.Answers.Information.Add("Consents.Categories", "Hiv");
        form.Answers.Information.Add("Consents.Categories", "SubstanceUseDisorder");
        await form.CompleteThroughAsync("/request/purpose");

        var (status, page) = await form.Client.GetPageAsync("/request/sign");

        status.ShouldBe(HttpStatusCode.OK);
        var text = WebUtility.HtmlDecode(page);
        text.ShouldContain("(45 CFR 164.508(c)(2)(iii))");
        text.ShouldContain("(410 ILCS 305/9, 305/10)");
        text.ShouldContain("(42 CFR 2.32)");
        text.ShouldNotContain("(740 ILCS 110/5(d))");
    }
}
