using System.Net;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Intake;

public sealed class PaperIntakeTests(IntakeAppFixture app) : IClassFixture<IntakeAppFixture>
{
    [Fact]
    public async Task Intake_ShowsTheWholePaperFormOnOnePage_ToAClerk()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetPageAsync(IntakeForm.Path);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>Paper intake</h1>");
        html.ShouldContain("enctype=\"multipart/form-data\"");
        foreach (var id in new[] { "ReceivedOn", "Scan", "Kind", "Patient_FirstName", "Patient_Address", "Requester_Type", "Locations",
                     "Recipient_Name", "Information_AllRecords", "Consents_Categories", "Consents_WitnessName", "Delivery", "Format",
                     "Purpose", "ExpiresOn", "Signature_SignerName", "Signature_SignerRelationship", "Signature_SignedOn" })
        {
            html.ShouldContain($"id=\"{id}\"", customMessage: id);
        }
    }

    [Fact]
    public async Task Intake_UsesTheDateTheFormArrived_ForTheDueDate()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        response.Location().ShouldBe($"/Staff/Requests/{request.Id}");
        request.Channel.ShouldBe(RequestChannel.Paper);
        request.Kind.ShouldBe(RequestKind.Authorization);
        request.ReceivedOn.ShouldBe(form.ReceivedOn);
        request.ReceivedOn.ShouldNotBe(app.Today);
        request.DueOn.ShouldBe(form.ReceivedOn.AddDays(30));
        request.Requester.Type.ShouldBe(RequesterType.Attorney);
        request.Signature.SignerName.ShouldBe("Ana " + form.LastName);
        request.Signature.SignedOn.ShouldBe(form.ReceivedOn.AddDays(-3));
        request.Signature.ElectronicSignature.ShouldBeNull();
        request.Purpose.ShouldBe(RequestPurpose.Legal);
        request.ExpiresOn.ShouldBe(new DateOnly(2030, 12, 31));
        var scan = request.Documents.ShouldHaveSingleItem();
        scan.Kind.ShouldBe(DocumentKind.AuthorizationScan);
        scan.FileName.ShouldBe("authorization-scan.pdf");
        scan.ContentType.ShouldBe("application/pdf");
        var audit = (await IntakeForm.AuditAsync(app.Factory, request.Id)).Where(a => a.Action == "PaperIntake").ShouldHaveSingleItem();
        audit.UserName.ShouldBe("clerk");
        audit.Outcome.ShouldNotBeNull().ShouldContain(request.TrackingNumber);
    }

    [Fact]
    public async Task Intake_StoresTheFieldsIllinoisFormsOffer_AndTheRequestPageShowsEachOne()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var neededBy = app.Today.AddDays(20);
        var form = new IntakeForm(app.Today).WithTheFieldsIllinoisFormsOffer(neededBy);

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Patient.Phone.ShouldBe("630-555-0100");
        request.Patient.SecondPhone.ShouldBe("630-555-0199");
        request.Patient.PrimaryCareProvider.ShouldBe("Dr. Ruth Park, Lisle Family Clinic");
        request.Recipient.Phone.ShouldBe("312-555-0142");
        request.Recipient.Fax.ShouldBe("312-555-0143");
        request.Information.AllRecords.ShouldBeFalse();
        request.Information.RecordTypes.ShouldBe(RequestLabels.RecordTypes);
        request.Information.NeededBy.ShouldBe(neededBy);
        request.Delivery.ShouldBe(DeliveryMethod.Pickup);
        request.Recipient.PickupBy.ShouldBe("Pat Runner");

        var (status, html) = await clerk.GetPageAsync(response.Location()!);
        status.ShouldBe(HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(html);
        page.ShouldContain("<dt>Phone</dt><dd>630-555-0100, 630-555-0199</dd>");
        page.ShouldContain("<dt>Primary-care provider</dt><dd>Dr. Ruth Park, Lisle Family Clinic</dd>");
        page.ShouldContain("<dt>Recipient phone and fax</dt><dd>312-555-0142, fax 312-555-0143</dd>");
        page.ShouldContain($"<dd>{string.Join(", ", RequestLabels.RecordTypes)}</dd>");
        page.ShouldContain($"<dt>Needed by</dt><dd>{Status.RequestScenarios.Written(neededBy)}</dd>");
        page.ShouldContain("<dd>Pickup in person; picked up by Pat Runner (photo ID at the desk)</dd>");
    }

    [Fact]
    public async Task Intake_SentTwice_CreatesOneRequest_AndShowsItBothTimes()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["SubmissionId"] = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(form.PostAsync(clerk), form.PostAsync(clerk));
        var again = await form.PostAsync(clerk);

        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        foreach (var response in responses.Append(again))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            response.Location().ShouldBe($"/Staff/Requests/{request.Id}");
        }
    }

    [Fact]
    public async Task Intake_GivesEachBlankFormItsOwnSubmission()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (_, first) = await clerk.GetPageAsync(IntakeForm.Path);
        var (_, second) = await clerk.GetPageAsync(IntakeForm.Path);

        var pattern = new System.Text.RegularExpressions.Regex("name=\"SubmissionId\" value=\"([0-9a-f-]{36})\"");
        var firstId = pattern.Match(first).Groups[1].Value;
        firstId.ShouldNotBeNullOrEmpty();
        pattern.Match(second).Groups[1].Value.ShouldNotBe(firstId);
    }

    [Fact]
    public async Task Intake_OfThePatientsOwnRequest_IsAnAccessRequest()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["Kind"] = "Access";
        form.Fields["Requester.Type"] = "Patient";
        form.Fields.Without("Requester.Name").Without("Requester.Organisation").Without("Requester.Email").Without("Purpose").Without("ExpiresOn");
        form.Scan = UploadFile.Jpeg("Scan", "form.jpg");

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Kind.ShouldBe(RequestKind.Access);
        request.Channel.ShouldBe(RequestChannel.Paper);
        request.Requester.Name.ShouldBe("Ana " + form.LastName);
        request.Documents.ShouldHaveSingleItem().ContentType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task Intake_ShowsEachMessageNextToItsField_AndKeepsWhatWasTyped()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today) { Scan = null };
        form.Fields.Without("ReceivedOn").Without("Kind").Without("Patient.FirstName").Without("Signature.SignerName").Without("Signature.SignedOn")
            .Without("Recipient.Address.Line1").Without("Delivery");
        form.Fields["Patient.DateOfBirth"] = "2999-01-01";
        form.Fields["Requester.Type"] = "PersonalRepresentative";
        form.Fields["Patient.MedicalRecordNumber"] = "MRN-778899";

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "ReceivedOn").ShouldBe("Enter the date the form arrived.");
        StaffClient.FieldError(html, "Scan").ShouldBe("Attach the scan of the signed form (PDF, JPEG or PNG).");
        StaffClient.FieldError(html, "Kind").ShouldNotBeNull().ShouldStartWith("Choose whether");
        StaffClient.FieldError(html, "Patient_FirstName").ShouldBe("Enter the patient's first name.");
        StaffClient.FieldError(html, "Patient_DateOfBirth").ShouldBe("Enter the patient's date of birth; it cannot be in the future.");
        StaffClient.FieldError(html, "Requester_Authority").ShouldBe("Say what authority the personal representative acts under.");
        StaffClient.FieldError(html, "Requester_AuthorityDescription").ShouldNotBeNull();
        StaffClient.FieldError(html, "Delivery").ShouldBe("Choose how the copies are delivered (Section 4).");
        StaffClient.FieldError(html, "Signature_SignerName").ShouldBe("Enter the name of the person signing.");
        StaffClient.FieldError(html, "Signature_SignedOn").ShouldBe("Enter the date of signature; it cannot be in the future.");
        StaffClient.FieldError(html, "Patient_LastName").ShouldBeNull();
        // The summary links each message to its field, in page order.
        html.ShouldContain("<a href=\"#ReceivedOn\">Enter the date the form arrived.</a>");
        html.ShouldContain("<a href=\"#Patient_FirstName\">Enter the patient&#x27;s first name.</a>");
        html.IndexOf("href=\"#ReceivedOn\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("href=\"#Signature_SignedOn\"", StringComparison.Ordinal));
        PageHtml.Input(html, "Patient_LastName").ShouldNotBeNull().ShouldContain($"value=\"{form.LastName}\"");
        PageHtml.Input(html, "Patient_MedicalRecordNumber").ShouldNotBeNull().ShouldContain("value=\"MRN-778899\"");
        PageHtml.Input(html, "Recipient_Address_City").ShouldNotBeNull().ShouldContain("value=\"Chicago\"");
        PageHtml.Input(html, "Requester_Type_PersonalRepresentative").ShouldNotBeNull().ShouldContain("checked");
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_RefusesAReceivedDateInTheFuture()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["ReceivedOn"] = IntakeForm.Iso(app.Today.AddDays(2));

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "ReceivedOn").ShouldBe("The date the form arrived cannot be in the future.");
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_RefusesARenamedExecutable_AsTheScan()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today) { Scan = UploadFile.Executable("Scan", "scan.pdf") };

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Scan").ShouldBe("This file is not a PDF, JPEG or PNG. Upload a scan or photo saved as PDF, JPEG or PNG.");
        IntakeForm.ScanToken(html).ShouldBeNull();
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_KeepsTheScan_WhenTheFormFailsItsChecks()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        var patientFirstName = form.Fields["Patient.FirstName"];
        form.Fields.Without("Patient.FirstName");

        var failed = await form.PostAsync(clerk);

        failed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await failed.Content.ReadAsStringAsync();
        html.ShouldContain("Attached: authorization-scan.pdf");
        StaffClient.FieldError(html, "Scan").ShouldBeNull();
        var token = IntakeForm.ScanToken(html).ShouldNotBeNull();

        form.Fields["Patient.FirstName"] = patientFirstName;
        form.Fields["ScanToken"] = token;
        form.Scan = null;
        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Documents.ShouldHaveSingleItem().FileName.ShouldBe("authorization-scan.pdf");
    }

    [Fact]
    public async Task Intake_RefusesAForgedScanToken()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today) { Scan = null };
        form.Fields["ScanToken"] = "not-a-token";

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Scan").ShouldBe("Attach the scan of the signed form (PDF, JPEG or PNG).");
    }

    [Fact]
    public async Task Intake_IgnoresPostedDocumentFields_ABrowserCannotNameAStoredFile()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today) { Scan = null };
        form.Fields["Documents[0].Kind"] = "AuthorizationScan";
        form.Fields["Documents[0].FileName"] = "someone-elses-id.pdf";
        form.Fields["Documents[0].StorageKey"] = "2026/03/someone-elses-id";

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Scan").ShouldBe("Attach the scan of the signed form (PDF, JPEG or PNG).");
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_RefusesAnAccessRequest_FromAThirdParty()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["Kind"] = "Access";

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Kind").ShouldNotBeNull().ShouldContain("choose authorization");
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }

    // 740 ILCS 110/5(b): a paper form is keyed in as written. A mental-health consent without a witness withholds those
    // records with the reason, and the rest the authorization covers is released: a partial release, not a hold.
    [Fact]
    public async Task Intake_KeysInAMentalHealthConsentWithoutAWitness_AndOnlyThoseRecordsAreWithheld()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields.Add("Consents.Categories", "MentalHealth");
        form.Fields.Add("Consents.Categories", "Hiv");
        form.Fields.Add("Consents.Categories", "Genetic");
        form.Fields.Add("Consents.Categories", "SubstanceUseDisorder");

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Decision.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        request.WithheldCategories.ShouldBe([SensitiveCategory.MentalHealth]);
        request.WithheldReasons.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.ShouldContain("has no witness"), r => r.ShouldContain("740 ILCS 110/5(b)"));
    }

    // 735 ILCS 5/8-2001.5(a): a paper form is keyed in as written; an adult child's form that says a spouse survives is held
    // for the spouse's signature, with the reason.
    [Fact]
    public async Task Intake_OfADeceasedPatientsRelative_KeepsTheStanding_AndTheRulesHoldForWhoComesFirst()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["Kind"] = "Access";
        form.Fields["Requester.Type"] = "PersonalRepresentative";
        form.Fields["Requester.Authority"] = "AuthorizedRelative";
        form.Fields["Requester.AuthorityDescription"] = "Her son";
        form.Fields["Patient.IsDeceased"] = "true";
        form.Fields["Deceased.Relation"] = "AdultChild";
        form.Fields["Deceased.HigherPriorityPersonExists"] = "true";

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Deceased.Relation.ShouldBe(DeceasedRelation.AdultChild);
        request.Deceased.HigherPriorityPersonExists.ShouldBe(true);
        request.State.ShouldBe("NeedsInformation");
        request.MissingElements.ShouldContain(m => m.Contains("the person who comes first under the statute"));
    }

    // 45 CFR 164.524(a)(1): the patient's own access covers the whole record; the form may leave categories out.
    [Fact]
    public async Task Intake_OfAnAccessRequest_RecordsWhatThePatientLeavesOut_AndNeedsNoConsent()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        form.Fields["Kind"] = "Access";
        form.Fields["Requester.Type"] = "Patient";
        form.Fields["Purpose"] = "AtRequestOfIndividual";
        form.Fields.Add("Consents.LeaveOut", "Genetic");

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Kind.ShouldBe(RequestKind.Access);
        request.LeftOut.ShouldBe([SensitiveCategory.Genetic]);
        request.WithheldCategories.ShouldBe([SensitiveCategory.Genetic]);
    }

    [Fact]
    public async Task Intake_IsDenied_ToARulesAdmin()
    {
        using var rulesAdmin = await app.Factory.SignedInAsync("rulesadmin");

        var response = await rulesAdmin.GetAsync(new Uri(IntakeForm.Path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
    }
}
