using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest;

public sealed class RequestStepsTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    [Fact]
    public async Task EachStep_AnswersGetAndPost_AndGoesOnToTheNextStep()
    {
        using var form = new RequestForm(app.Factory);
        for (var i = 0; i < RequestForm.Paths.Length; i++)
        {
            var (status, html) = await form.Client.GetPageAsync(RequestForm.Paths[i]);
            status.ShouldBe(HttpStatusCode.OK, RequestForm.Paths[i]);
            html.ShouldContain($"Step {i + 1} of 7");
            await form.CompleteThroughAsync(RequestForm.Paths[i]);
        }

        var (reviewStatus, review) = await form.Client.GetPageAsync("/request/review");
        reviewStatus.ShouldBe(HttpStatusCode.OK);
        review.ShouldContain(form.Answers.LastName);
        review.ShouldContain("drivers-license.jpg");
    }

    [Fact]
    public async Task Step_OpenedAhead_SendsToTheFirstUnfinishedStep()
    {
        using var form = new RequestForm(app.Factory);
        (await form.Client.GetAsync(new Uri("/request/delivery", UriKind.Relative))).Location().ShouldBe("/request");

        await form.CompleteThroughAsync("/request/patient");
        (await form.Client.GetAsync(new Uri("/request/delivery", UriKind.Relative))).Location().ShouldBe("/request/release");
        (await form.Client.GetAsync(new Uri("/request/review", UriKind.Relative))).Location().ShouldBe("/request/release");
    }

    [Fact]
    public async Task FirstStep_Empty_ShowsEachMessageNextToItsField_AndASummaryLinkingToIt()
    {
        using var form = new RequestForm(app.Factory);
        var response = await form.PostAsync("/request");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Requester_Type").ShouldBe("Choose who is asking for the records.");
        StaffClient.FieldError(html, "Receives").ShouldBe("Choose who should receive the copies.");
        html.ShouldContain("<a href=\"#Requester_Type\">Choose who is asking for the records.</a>");
        html.ShouldContain("<a href=\"#Receives\">Choose who should receive the copies.</a>");
        html.ShouldContain("id=\"Requester_Type\"");
        // The summary takes the focus, so a screen reader and a keyboard start from what went wrong.
        html.ShouldContain("class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" autofocus");
    }

    [Fact]
    public async Task Representative_NeedsTheirAuthority_FromTheDomainAndTheStep()
    {
        using var form = new RequestForm(app.Factory);
        var html = await (await form.PostAsync("/request", new Fields
        {
            ["Requester.Type"] = "PersonalRepresentative", ["Requester.Name"] = "Ana Lopez", ["Requester.Phone"] = "630-555-0101", ["Receives"] = "Requester",
        })).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Requester_Authority").ShouldBe("Say what authority the personal representative acts under.");
        StaffClient.FieldError(html, "Requester_AuthorityDescription").ShouldNotBeNull().ShouldContain("Describe the authority");
        StaffClient.FieldError(html, "Requester_Name").ShouldBeNull();
    }

    [Fact]
    public async Task FailedStep_KeepsWhatWasTyped_OnThePageAndBetweenSteps()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request");
        form.Answers.Patient["Patient.DateOfBirth"] = "31/31/1980";

        var response = await form.PostAsync("/request/patient", form.Answers.Patient);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Patient_DateOfBirth").ShouldBe("Enter the date of birth as a real date, for example 03/31/1980.");
        html.ShouldContain($"value=\"{form.Answers.LastName}\"");
        html.ShouldContain("value=\"31/31/1980\"");
        var (_, again) = await form.Client.GetPageAsync("/request/patient");
        again.ShouldContain($"value=\"{form.Answers.LastName}\"");
        again.ShouldContain("value=\"12 Elm Street\"");
        (await form.Client.GetAsync(new Uri("/request/release", UriKind.Relative))).Location().ShouldBe("/request/patient");
    }

    [Fact]
    public async Task PatientStep_ShowsTheDomainsRule_NextToTheField()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request");
        form.Answers.Patient["Patient.DateOfBirth"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form.Answers.Patient.Without("Patient.FirstName");

        var html = await (await form.PostAsync("/request/patient", form.Answers.Patient)).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Patient_DateOfBirth").ShouldBe("Enter the patient's date of birth; it cannot be in the future.");
        StaffClient.FieldError(html, "Patient_FirstName").ShouldBe("Enter the patient's first name.");
        html.ShouldContain("<a href=\"#Patient_FirstName\">");
    }

    [Fact]
    public async Task Back_KeepsTheAnswersOfThisStepAndTheEarlierOnes()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/patient");

        var back = await form.PostAsync("/request/release", new Fields { ["Recipient.Name"] = "Dr. Half Typed" }, action: "/request/release?handler=Back");

        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Location().ShouldBe("/request/patient");
        var (_, patient) = await form.Client.GetPageAsync("/request/patient");
        patient.ShouldContain($"value=\"{form.Answers.LastName}\"");
        patient.ShouldContain("value=\"1980-03-31\"");
        var (_, release) = await form.Client.GetPageAsync("/request/release");
        release.ShouldContain("value=\"Dr. Half Typed\"");
    }

    [Fact]
    public async Task ReleaseStep_StartsFromThePatientsOwnDetails_WhenThePatientReceives()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/patient");

        var (_, html) = await form.Client.GetPageAsync("/request/release");

        html.ShouldContain($"value=\"Maria {form.Answers.LastName}\"");
        html.ShouldContain("value=\"60540\"");
    }

    [Fact]
    public async Task ReleaseStep_OnlyAnotherFacilitysRecords_ExplainsToAskThatFacility()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/patient");
        form.Answers.Release["Locations"] = "OtherFacility";

        var html = await (await form.PostAsync("/request/release", form.Answers.Release)).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Locations").ShouldNotBeNull().ShouldContain("Ask the other facility directly");
        StaffClient.FieldError(html, "OtherFacilityName").ShouldBe("Name the other facility.");
        html.ShouldContain("cannot release records of Edward-Elmhurst Healthcare locations");
    }

    [Fact]
    public async Task AccessRequest_NeedsNoPurposeOrExpiry()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/delivery");

        var (_, page) = await form.Client.GetPageAsync("/request/purpose");
        var response = await form.PostAsync("/request/purpose");

        page.ShouldNotContain("ExpiresOn");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/request/sign");
    }

    [Fact]
    public async Task Authorization_IsAskedForItsPurposeAndExpiry_InsteadOfBeingHeldLater()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        form.Answers.Purpose.Clear();
        await form.CompleteThroughAsync("/request/delivery");

        var html = await (await form.PostAsync("/request/purpose")).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Purpose").ShouldBe("Choose the purpose of the release.");
        StaffClient.FieldError(html, "ExpiresOn").ShouldBe("Give the date or the event when this authorization ends.");
        var withEvent = await form.PostAsync("/request/purpose", new Fields { ["Purpose"] = "Insurance", ["ExpiryEvent"] = "When my claim is settled" });
        withEvent.Location().ShouldBe("/request/sign");
    }

    [Fact]
    public async Task Authorization_ExpiryBeforeTheSignature_ShowsTheDomainsMessage()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        await form.CompleteThroughAsync("/request/delivery");

        var html = await (await form.PostAsync("/request/purpose", new Fields { ["Purpose"] = "Legal", ["ExpiresOn"] = "2020-01-01" }))
            .Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "ExpiresOn").ShouldBe("The expiry date cannot be before the signature date.");
    }

    // 45 CFR 164.524: the patient's own records include the sensitive categories with no consent asked; the patient may
    // choose to leave some out, and may ask for psychotherapy notes by name.
    [Fact]
    public async Task ThePatientsOwnRequest_AsksNoConsentPerCategory_AndOffersToLeaveSomethingOut()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/release");

        var (_, page) = await form.Client.GetPageAsync("/request/information");

        page.ShouldNotContain("I consent to the release of");
        page.ShouldContain("Leave something out? (optional)");
        page.ShouldContain("Also ask for psychotherapy notes");
        page.ShouldNotContain("Consents.WitnessName");
    }

    [Fact]
    public async Task ThePatientsOwnRequest_KeepsWhatThePatientLeavesOut_ThroughToTheStoredRequest()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.Information.Add("Consents.LeaveOut", "Hiv");
        form.Answers.Information.Add("Consents.LeaveOut", "PsychotherapyNotes"); // not in the record to begin with: ignored

        await form.CompleteThroughAsync("/request/sign");
        var (_, review) = await form.Client.GetPageAsync("/request/review");
        System.Net.WebUtility.HtmlDecode(review).ShouldContain("Included, except what you chose to leave out: HIV test information");
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.LeftOut.ShouldBe([SensitiveCategory.Hiv]);
        request.Consents.ShouldAllBe(c => !c.Granted);
        request.WithheldCategories.ShouldBe([SensitiveCategory.Hiv]);
    }

    [Fact]
    public async Task MentalHealthConsent_ForAThirdParty_NeedsItsWitness()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        await form.CompleteThroughAsync("/request/release");
        var fields = new Fields { ["Information.AllRecords"] = "true" };
        fields.Add("Consents.Categories", "MentalHealth");
        fields.Add("Consents.Categories", "Hiv");

        var html = await (await form.PostAsync("/request/information", fields)).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Consents_WitnessName").ShouldNotBeNull().ShouldContain("need a witness");
        StaffClient.FieldError(html, "Consents_WitnessSignature").ShouldBe("The witness signs by typing their full name.");
        StaffClient.FieldError(html, "Consents_WitnessedOn").ShouldBe("Enter the date the witness signed.");
        PageHtml.Input(html, "Consents_Categories").ShouldNotBeNull().ShouldContain("checked=\"checked\"");
        PageHtml.Input(html, "Consents_Categories_Hiv").ShouldNotBeNull().ShouldContain("checked=\"checked\"");
        PageHtml.Input(html, "Consents_Categories_Genetic").ShouldNotBeNull().ShouldNotContain("checked");
    }

    [Fact]
    public async Task OnlySomeRecords_NeedsToSayWhich()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/release");

        var html = await (await form.PostAsync("/request/information", new Fields { ["Information.AllRecords"] = "false" })).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Information_RecordTypes").ShouldBe("Say which records you want: dates, kinds of records or a description.");
    }

    [Fact]
    public async Task SecureEmail_AsksForAPassphraseTwice_AndNeverShowsItAgain()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/information");

        var (_, page) = await form.Client.GetPageAsync("/request/delivery");
        var missing = await (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "SecureEmail", ["Format"] = "Electronic" }))
            .Content.ReadAsStringAsync();
        var different = await (await form.PostAsync("/request/delivery", new Fields
        {
            ["Delivery"] = "SecureEmail", ["Format"] = "Electronic", ["EmailPassphrase"] = "correct horse battery", ["EmailPassphraseConfirm"] = "correct horse",
        })).Content.ReadAsStringAsync();
        var accepted = await form.PostAsync("/request/delivery", new Fields
        {
            ["Delivery"] = "SecureEmail", ["Format"] = "Electronic", ["EmailPassphrase"] = "correct horse battery", ["EmailPassphraseConfirm"] = "correct horse battery",
        });
        var (_, again) = await form.Client.GetPageAsync("/request/delivery");

        System.Net.WebUtility.HtmlDecode(page).ShouldContain("Secure e-mail: an encrypted file you open with your passphrase");
        StaffClient.FieldError(missing, "EmailPassphrase").ShouldNotBeNull().ShouldContain("at least 10 characters");
        StaffClient.FieldError(different, "EmailPassphraseConfirm").ShouldBe("Type the same passphrase again.");
        different.ShouldNotContain("correct horse");
        accepted.Location().ShouldBe("/request/purpose");
        again.ShouldNotContain("correct horse");
        again.ShouldContain("A passphrase is already set");
    }

    // HHS guidance on 45 CFR 164.524(c)(2): a patient may have their own records by unencrypted e-mail, warned of the risk.
    [Fact]
    public async Task UnencryptedEmail_IsOfferedForThePatientsOwnRecords_WithTheRiskToAccept()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/information");

        var (_, page) = await form.Client.GetPageAsync("/request/delivery");
        var refused = await (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "UnencryptedEmail", ["Format"] = "Electronic" }))
            .Content.ReadAsStringAsync();
        var accepted = await form.PostAsync("/request/delivery",
            new Fields { ["Delivery"] = "UnencryptedEmail", ["Format"] = "Electronic", ["UnencryptedEmailRiskAccepted"] = "true" });

        page.ShouldContain("Unencrypted e-mail can be read by others.");
        StaffClient.FieldError(refused, "UnencryptedEmailRiskAccepted").ShouldNotBeNull().ShouldContain("accept the risk of e-mail");
        accepted.Location().ShouldBe("/request/purpose");
    }

    [Fact]
    public async Task UnencryptedEmail_IsNotOffered_ForAThirdParty()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        await form.CompleteThroughAsync("/request/information");

        var (_, page) = await form.Client.GetPageAsync("/request/delivery");
        var refused = await (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "UnencryptedEmail", ["Format"] = "Electronic", ["UnencryptedEmailRiskAccepted"] = "true" }))
            .Content.ReadAsStringAsync();

        page.ShouldNotContain("value=\"UnencryptedEmail\"");
        StaffClient.FieldError(refused, "Delivery").ShouldNotBeNull().ShouldContain("only for a patient's own records");
    }

    [Fact]
    public async Task MailDelivery_WithoutAnAddress_ShowsTheDomainsMessageAtTheDeliveryChoice()
    {
        using var form = new RequestForm(app.Factory);
        foreach (var field in form.Answers.Release.Where(f => f.Key.StartsWith("Recipient.Address", StringComparison.Ordinal)).ToList())
            form.Answers.Release.Without(field.Key);
        await form.CompleteThroughAsync("/request/information");

        var html = await (await form.PostAsync("/request/delivery", form.Answers.Delivery)).Content.ReadAsStringAsync();

        StaffClient.FieldError(html, "Delivery").ShouldBe("Mailing needs a complete address (street, city, state, ZIP code).");
        html.ShouldContain("href=\"/request/release#Recipient_Address\"");
    }

    [Fact]
    public async Task Review_AfterAChangeThatNeedsMore_LinksEachProblemToItsStepAndField()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        form.Answers.AsAttorney();
        form.Answers.Purpose.Clear();
        (await form.PostAsync("/request", form.Answers.Who)).Location().ShouldBe("/request/patient");

        var response = await form.PostAsync("/request/review");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"/request/purpose?from=review#Purpose\">Purpose and expiration: Choose the purpose of the release.</a>");
        html.ShouldContain("<a href=\"/request/sign?from=review#Signature_SignerRelationship\">");
        var (_, purpose) = await form.Client.GetPageAsync("/request/purpose");
        StaffClient.FieldError(purpose, "Purpose").ShouldBe("Choose the purpose of the release.");
        (await form.StoredRequestsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task PatientStep_DoesNotAskThePatientWhetherTheyHaveDied_ButAsksAThirdParty()
    {
        using var own = new RequestForm(app.Factory);
        await own.CompleteThroughAsync("/request");
        var (_, ownPage) = await own.Client.GetPageAsync("/request/patient");
        ownPage.ShouldNotContain("Has the patient died?");
        ownPage.ShouldNotContain("name=\"Patient.IsDeceased\"");

        using var attorney = new RequestForm(app.Factory);
        attorney.Answers.AsAttorney();
        await attorney.CompleteThroughAsync("/request");
        var (_, attorneyPage) = await attorney.Client.GetPageAsync("/request/patient");
        attorneyPage.ShouldContain("Has the patient died?");
    }

    [Fact]
    public async Task PatientAskingForTheirOwnRecords_IsNotStoredAsDeceased_EvenWhenAnOldFormSaysSo()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request");
        form.Answers.Patient["Patient.IsDeceased"] = "true";
        form.Answers.Patient["Patient.DateOfDeath"] = "2020-01-01";
        await form.CompleteThroughAsync("/request/sign");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");

        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        stored.Patient.IsDeceased.ShouldBeFalse();
        stored.Patient.DateOfDeath.ShouldBeNull();
    }

    [Fact]
    public async Task Change_FromTheReview_ReturnsToTheReview_WithContinueAndWithBack()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review.ShouldContain("href=\"/request/delivery?from=review\"");

        var (_, delivery) = await form.Client.GetPageAsync("/request/delivery?from=review");
        delivery.ShouldContain("Save and return to the review");
        delivery.ShouldContain("Back to the review");

        var saved = await form.PostAsync("/request/delivery?from=review", new Fields { ["Delivery"] = "Pickup", ["Format"] = "Paper" });
        saved.Location().ShouldBe("/request/review");
        var (_, after) = await form.Client.GetPageAsync("/request/review");
        after.ShouldContain("Call for pickup");

        var back = await form.PostAsync("/request/purpose?from=review", [], action: "/request/purpose?handler=Back&from=review");
        back.Location().ShouldBe("/request/review");

        // Opened without "Change", a step goes on to the next one as before.
        (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "Mail", ["Format"] = "Paper" })).Location().ShouldBe("/request/purpose");
    }

    [Fact]
    public async Task Change_FromTheReview_ThatFailsItsCheck_StaysOnTheStep_AndStillReturnsWhenFixed()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");

        var failed = await form.PostAsync("/request/delivery?from=review", new Fields { ["Format"] = "Paper" });
        failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await failed.Content.ReadAsStringAsync(), "Delivery").ShouldNotBeNullOrWhiteSpace();

        (await form.PostAsync("/request/delivery?from=review", new Fields { ["Delivery"] = "Mail", ["Format"] = "Paper" }))
            .Location().ShouldBe("/request/review");
    }

    [Fact]
    public async Task Steps_AreTitledWithThePaperFormsSectionNames()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/information");

        var (_, delivery) = await form.Client.GetPageAsync("/request/delivery");

        delivery.ShouldContain("Step 5 of 7 (Section 4 of the paper form)");
        delivery.ShouldContain("<summary>Step 5 of 7: Delivery and format");
        delivery.ShouldContain("<title>Delivery and format");
    }

    [Fact]
    public async Task TheFieldsIllinoisFormsOffer_AreAskedOnline_ShownOnTheReview_AndStoredEncrypted()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.Patient["Patient.SecondPhone"] = "630-555-0199";
        form.Answers.Patient["Patient.PrimaryCareProvider"] = "Dr. Ruth Park, Lisle Family Clinic";
        form.Answers.Release["Recipient.Phone"] = "630-555-0142";
        form.Answers.Release["Recipient.Fax"] = "630-555-0143";
        form.Answers.Information["Information.AllRecords"] = "false";
        form.Answers.Information.Add("Information.RecordTypes", "The most recent visit only");
        form.Answers.Information.Add("Information.RecordTypes", "Radiology images on CD or USB");
        var neededBy = app.Factory.Services.GetRequiredService<BackOffice.Workflows.Time.DepartmentClock>().Today.AddDays(10);
        form.Answers.Information["Information.NeededBy"] = neededBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form.Answers.Delivery["Delivery"] = "Pickup";
        form.Answers.Delivery["PickupBy"] = "Ana Lopez";
        await form.CompleteThroughAsync("/request/sign");

        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review.ShouldContain("630-555-0199");
        review.ShouldContain("Dr. Ruth Park, Lisle Family Clinic");
        review.ShouldContain("fax 630-555-0143");
        review.ShouldContain("The most recent visit only, Radiology images on CD or USB");
        review.ShouldContain("Ana Lopez (with a photo ID)");
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");

        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        stored.Patient.SecondPhone.ShouldBe("630-555-0199");
        stored.Patient.PrimaryCareProvider.ShouldBe("Dr. Ruth Park, Lisle Family Clinic");
        stored.Recipient.Phone.ShouldBe("630-555-0142");
        stored.Recipient.Fax.ShouldBe("630-555-0143");
        stored.Recipient.PickupBy.ShouldBe("Ana Lopez");
        stored.Information.NeededBy.ShouldBe(neededBy);
        stored.Information.RecordTypes.ShouldBe(["The most recent visit only", "Radiology images on CD or USB"]);

        // Contact details and free text about the patient are encrypted at rest like the other phones.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOffice.Workflows.Persistence.BackOfficeDbContext>();
        var raw = await db.Database.SqlQueryRaw<string>(
            "SELECT \"Patient_SecondPhone\" AS \"Value\" FROM \"Requests\" WHERE \"Id\" = {0}", stored.Id).ToListAsync();
        raw.ShouldHaveSingleItem().ShouldNotContain("630-555-0199");
    }

    [Fact]
    public async Task APersonToPickUp_IsForgotten_WhenAnotherDeliveryIsChosen()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/information");
        (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "Pickup", ["Format"] = "Paper", ["PickupBy"] = "Ana Lopez" }))
            .Location().ShouldBe("/request/purpose");
        (await form.PostAsync("/request/delivery", new Fields { ["Delivery"] = "Mail", ["Format"] = "Paper", ["PickupBy"] = "Ana Lopez" }))
            .Location().ShouldBe("/request/purpose");
        await form.CompleteThroughAsync("/request/sign");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");

        (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Recipient.PickupBy.ShouldBeNull();
    }

    [Fact]
    public async Task TheRequest_KeepsTheLanguageTheFormWasSentIn()
    {
        using var english = new RequestForm(app.Factory);
        (await english.SubmitAsync()).Location().ShouldBe("/request/done");
        (await english.StoredRequestsAsync()).ShouldHaveSingleItem().Language.ShouldBe("en");

        using var spanish = new RequestForm(app.Factory);
        spanish.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");
        (await spanish.SubmitAsync()).Location().ShouldBe("/request/done");
        (await spanish.StoredRequestsAsync()).ShouldHaveSingleItem().Language.ShouldBe("es");
    }
}
