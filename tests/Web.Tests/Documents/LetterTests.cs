using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Documents;

/// <summary>Each letter rendered for a request driven through the lifecycle to the step that produces it, read back as words.</summary>
public sealed class LetterTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private BackOfficeFactory Factory => app.Factory;

    private async Task<string> RenderTextAsync(Guid requestId, string type, string artifact)
    {
        var document = await Factory.RenderAsync(requestId, type);
        File.Exists(await Artifacts.RenderFirstPageAsync(document.Content, artifact)).ShouldBeTrue();
        return DocumentScenarios.TextOf(document.Content);
    }

    [Fact]
    public async Task CoverLetter_AfterMailing_SaysWhatIsEnclosed_ToTheRecipient()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        await Factory.PayInFullAsync(request.Id);
        (await Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.CoverLetter, "document-cover-letter");

        text.ShouldContain("Maria Lopez 12 Elm St Naperville, IL 60540");
        text.ShouldContain($"Re: Copies of medical records — request {request.TrackingNumber}, patient Maria Lopez");
        text.ShouldContain("Enclosed are copies of the medical records of Maria Lopez");
        text.ShouldContain("What is enclosed: all records");
        text.ShouldContain("Pages: 40 paper pages");
        text.ShouldContain("The invoice for these copies, with the payments received, is enclosed.");
        text.ShouldContain("Questions? Call 1-630-873-8748, Monday through Friday, 8 AM – 5 PM");
        text.ShouldNotContain("separate, specific consent");
    }

    [Fact]
    public async Task CoverLetter_WithWithheldCategories_MentionsThemOnlyInGeneralWords()
    {
        var request = await Factory.StartAsync(DocumentScenarios.AttorneyDraft());
        await Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 10);
        (await Factory.LoadAsync(request.Id)).WithheldCategories.ShouldNotBeEmpty();

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.CoverLetter, "document-cover-letter-withheld");

        text.ShouldContain("Jordan Blake Blake & Reyes LLP 200 W Adams St Suite 1500 Chicago, IL 60606");
        text.ShouldContain("released under the authorization signed by Maria Lopez");
        text.ShouldContain("requires a separate, specific consent for it that we did not have");
        text.ShouldContain("or ask us to review this decision");
        foreach (var named in new[] { "HIV", "Genetic", "genetic", "Mental", "mental", "substance", "Substance" }) text.ShouldNotContain(named);
    }

    // 740 ILCS 110/5(b): a mental-health consent without a witness is not usable; the letter names it with the reason and
    // how to send a corrected one, and says everything else the authorization covers is enclosed.
    [Fact]
    public async Task CoverLetter_OfAPartialRelease_SaysWhichConsentCouldNotBeUsed_AndHowToCorrectIt()
    {
        var draft = DocumentScenarios.AttorneyDraft() with
        {
            Consents = [new SensitiveConsent { Category = SensitiveCategory.MentalHealth, Granted = true }],
        };
        var request = await Factory.StartAsync(draft);
        await Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 10, contains: [SensitiveCategory.MentalHealth]);
        (await Factory.LoadAsync(request.Id)).WithheldCategories.ShouldBe([SensitiveCategory.MentalHealth]);

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.CoverLetter, "document-cover-letter-partial");

        text.ShouldContain("A consent you sent could not be used");
        text.ShouldContain("Mental health and developmental disabilities records: The mental-health consent has no witness");
        text.ShouldContain("(740 ILCS 110/5(b))");
        text.ShouldContain("To receive them, send a corrected consent");
        text.ShouldNotContain("HIV");
    }

    // 410 ILCS 305/9, /10 and 42 CFR 2.32: the notice of each protected kind of record the release carries goes with it.
    [Fact]
    public async Task CoverLetter_CarriesTheRedisclosureNotice_OfEachProtectedKindOfRecordReleased()
    {
        var draft = DocumentScenarios.AttorneyDraft() with
        {
            Consents =
            [
                new SensitiveConsent { Category = SensitiveCategory.Hiv, Granted = true },
                new SensitiveConsent { Category = SensitiveCategory.SubstanceUseDisorder, Granted = true },
            ],
        };
        var request = await Factory.StartAsync(draft);
        await Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 10, contains: [SensitiveCategory.Hiv]);

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.CoverLetter, "document-cover-letter-notices");

        text.ShouldContain("(410 ILCS 305/9, 305/10)");
        text.ShouldNotContain("42 CFR 2.32"); // consented to, but the records hold none
        text.ShouldNotContain("740 ILCS 110/5(d)");
    }

    [Fact]
    public async Task MissingInformationLetter_NamesEachMissingElement_AndTheClosingDate()
    {
        // No expiry and no 164.508(c)(2) statements: the rules hold the request as it arrives.
        var request = await Factory.StartAsync(DocumentScenarios.AttorneyDraft() with { ExpiresOn = null, RequiredStatementsPresent = false });
        var held = await Factory.LoadAsync(request.Id);
        held.State.ShouldBe("NeedsInformation");
        held.MissingElements.Count.ShouldBeGreaterThanOrEqualTo(2);
        var today = await Factory.TodayAsync();

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.MissingInformationLetter, "document-missing-information");

        text.ShouldContain("Dear Jordan Blake,");
        foreach (var missing in held.MissingElements) text.ShouldContain(missing);
        text.ShouldContain($"Write the tracking number {request.TrackingNumber} on what you send");
        text.ShouldContain($"If we have not received it by {RequestScenarios.Written(today.AddDays(30))}, we will close the request.");
        text.ShouldContain("/request/paper-form or make a new request online"); // the English form
    }

    [Fact]
    public async Task RedirectLetter_NamesTheOtherFacility()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft() with
        {
            Locations = [RecordsLocation.OtherFacility], OtherFacilityName = "St. Mary's Hospital",
        });
        (await Factory.FireAsync(request.Id, "Redirect", RequestScenarios.Clerk)).ToState.ShouldBe("Redirected");

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.RedirectLetter, "document-redirect-letter");

        text.ShouldContain("Please ask here instead:");
        text.ShouldContain("St. Mary's Hospital: ask that provider directly for the records it made");
        text.ShouldContain("we have closed this request");
        text.ShouldNotContain("Edward-Elmhurst");
    }

    [Fact]
    public async Task RedirectLetter_ForEdwardElmhurst_SaysTheGroupCannotReleaseThem()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft() with { Locations = [RecordsLocation.ExcludedOrganisation] });
        (await Factory.FireAsync(request.Id, "Redirect", RequestScenarios.Clerk)).ToState.ShouldBe("Redirected");

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.RedirectLetter, "document-redirect-letter-excluded");

        text.ShouldContain("DuPage Medical Group cannot release records of Edward-Elmhurst Healthcare locations.");
        text.ShouldContain("Contact Edward-Elmhurst Healthcare's medical records department directly.");
    }

    [Fact]
    public async Task DenialLetter_Reviewable_GivesTheBasis_TheRightToReview_AndHowToComplain()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        await Factory.FireAsync(request.Id, "Deny", DocumentScenarios.Supervisor,
            ("basis", "A licensed professional judged that access is likely to endanger the life or physical safety of the patient."),
            ("reviewable", "true"));

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.DenialLetter, "document-denial-letter");

        text.ShouldContain("access is likely to endanger the life or physical safety of the patient.");
        text.ShouldContain("You have the right to have this denial reviewed by a licensed health care professional");
        text.ShouldContain("who did not take part in the original decision (45 CFR 164.524(a)(3) and (d)(4))");
        text.ShouldContain("write to the Privacy Officer, DuPage Medical Group, Medical Records Department, 1100 W 31st Street");
        text.ShouldContain("Office for Civil Rights, 200 Independence Avenue, S.W., Washington, D.C. 20201; 1-800-368-1019");
        text.ShouldNotContain("does not provide for a review");
    }

    [Fact]
    public async Task DenialLetter_Unreviewable_SaysThereIsNoReview_ButStillHowToComplain()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        await Factory.FireAsync(request.Id, "Deny", RequestScenarios.Clerk, ("basis", "Psychotherapy notes are not subject to access."));

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.DenialLetter, "document-denial-letter-unreviewable");

        text.ShouldContain("for this reason: • Psychotherapy notes are not subject to access.");
        text.ShouldContain("The law does not provide for a review of a denial on this ground (45 CFR 164.524(a)(1) and (a)(2)).");
        text.ShouldContain("www.hhs.gov/ocr/complaints");
        text.ShouldNotContain("You have the right to have this denial reviewed");
    }

    [Fact]
    public async Task ExtensionNotice_GivesTheReason_AndTheNewDueDate()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        await Factory.FireAsync(request.Id, "ExtendDeadline", RequestScenarios.Clerk,
            ("days", "20"), ("reason", "Some of the records are in off-site storage"));

        var text = await RenderTextAsync(request.Id, RequestDocumentTypes.ExtensionNotice, "document-extension-notice");

        text.ShouldContain($"were to respond by {RequestScenarios.Written(request.DueOn)}");
        text.ShouldContain("for this reason: • Some of the records are in off-site storage");
        text.ShouldContain($"We will respond by {RequestScenarios.Written(request.DueOn.AddDays(20))}.");
        text.ShouldContain("within the first 30 days");
        text.ShouldContain(request.TrackingNumber);
    }
}
