using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Disclosures;

public sealed partial class DisclosuresPageTests(DisclosuresApp app) : IClassFixture<DisclosuresApp>
{
    private const string RecordPath = "/Staff/Disclosures/Record";

    [Fact]
    public async Task Search_ShowsTheRequiredView_ByDefault_WithTheCountOfExemptOnesHidden()
    {
        var last = DisclosuresApp.NewLastName();
        var request = await app.ReleasedToThePatientAsync(last, daysAgo: 3);
        await app.RecordAsync(last,
            d => d with { RecipientName = "Circuit Court of DuPage County", LegalBasis = "JudicialProceeding", DisclosedOn = app.Today.AddDays(-10) },
            d => d);
        await app.RecordAsync(DisclosuresApp.NewLastName(), d => d with { RecipientName = "Someone Else's Recipient" });
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last.ToUpperInvariant()));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"Maria {last} (born 04/15/1980)");
        html.ShouldContain("Showing the 2 disclosures required in an accounting; 1 exempt disclosure is hidden.");
        Rows(html).ShouldBe(2);
        html.ShouldContain("Circuit Court of DuPage County");
        html.ShouldContain("DuPage County Health Department");
        html.ShouldContain("Public health reporting (164.512(b)): reportable disease report");
        html.ShouldNotContain(request.TrackingNumber);
        html.ShouldNotContain("Someone Else's Recipient");
        // Newest first: the health department (yesterday) before the court (ten days ago).
        html.IndexOf("DuPage County Health Department", StringComparison.Ordinal)
            .ShouldBeLessThan(html.IndexOf("Circuit Court", StringComparison.Ordinal));
        html.ShouldContain("since " + app.Today.AddYears(-6).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AllView_ShowsEveryDisclosure_WithTheRequestsTrackingNumber()
    {
        var last = DisclosuresApp.NewLastName();
        var request = await app.ReleasedToThePatientAsync(last, daysAgo: 3);
        await app.RecordAsync(last, d => d);
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last, view: "All"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Rows(html).ShouldBe(2);
        html.ShouldContain("Showing all 2 logged disclosures: 1 required, 1 exempt.");
        html.ShouldContain($"<a href=\"/Staff/Requests/{request.Id}\">{request.TrackingNumber}</a>");
        html.ShouldContain("<td>Exempt</td>");
        html.ShouldContain("<td>Required</td>");
        html.ShouldContain("12 Elm St, Naperville, IL 60540");
        html.ShouldContain("aria-pressed=\"true\">All (2)</button>");
    }

    [Fact]
    public async Task Search_ByMrn_AloneIsEnough_AndMissingIdentity_IsExplainedNextToEachField()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var empty = await clerk.PostFormAsync(DisclosuresApp.Path, [new("LastName", ""), new("DateOfBirth", "31/31/1980")]);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        var byMrn = await clerk.PostFormAsync(DisclosuresApp.Path, [new("Mrn", "NO-SUCH-MRN")]);
        var mrnHtml = WebUtility.HtmlDecode(await byMrn.Content.ReadAsStringAsync());

        StaffClient.FieldError(emptyHtml, "DateOfBirth").ShouldBe("Enter the date of birth as a date, for example 04/12/1980.");
        emptyHtml.ShouldNotContain("id=\"accounting-title\"");
        var missing = await clerk.PostFormAsync(DisclosuresApp.Path, [new("FirstName", "Maria")]);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        StaffClient.FieldError(missingHtml, "LastName").ShouldBe("Enter the patient's last name, or search by MRN.");
        StaffClient.FieldError(missingHtml, "DateOfBirth").ShouldBe("Enter the patient's date of birth, or search by MRN.");
        StaffClient.FieldError(missingHtml, "FirstName").ShouldBeNull();
        mrnHtml.ShouldContain("id=\"accounting-none\"");
        mrnHtml.ShouldContain(">MRN NO-SUCH-MRN </h2>");
        mrnHtml.ShouldContain("Showing the 0 disclosures required in an accounting; 0 exempt disclosures are hidden.");
    }

    [Fact]
    public async Task Record_ShowsEachProblemNextToItsField_AndKeepsWhatWasTyped()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.PostFormAsync(RecordPath,
        [
            new("LastName", "Keeps-This"), new("DateOfBirth", "1980-04-15"), new("DisclosedOn", app.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("LegalBasis", "Treatment"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(html, "FirstName").ShouldBe("Enter the patient's first name.");
        StaffClient.FieldError(html, "LastName").ShouldBeNull();
        StaffClient.FieldError(html, "DisclosedOn").ShouldBe("The date disclosed cannot be in the future.");
        StaffClient.FieldError(html, "RecipientName").ShouldBe("Enter who received the records (a person or an organization).");
        StaffClient.FieldError(html, "Description").ShouldBe("Describe the information disclosed, for example \"lab results of 03/02/2026\".");
        StaffClient.FieldError(html, "LegalBasis").ShouldBe("Choose the legal basis for the disclosure.");
        StaffClient.FieldError(html, "PurposeDetail").ShouldNotBeNull();
        StaffClient.FieldError(html, "Method").ShouldBe("Choose how the records were disclosed.");
        StaffClient.FieldError(html, "RecipientAddress").ShouldBeNull();
        html.ShouldContain("value=\"Keeps-This\"");
        html.ShouldContain("class=\"error-summary\"");
    }

    [Fact]
    public async Task Record_StoresTheDisclosure_AsRequiredInTheAccounting_AndAuditsIt_WithoutTheName()
    {
        var last = DisclosuresApp.NewLastName();
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var on = app.Today.AddDays(-4);

        var response = await clerk.PostFormAsync(RecordPath,
        [
            new("LastName", last), new("FirstName", "Maria"), new("DateOfBirth", "04/15/1980"), new("MedicalRecordNumber", ""),
            new("DisclosedOn", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("RecipientName", "Wheaton Police Department"), new("RecipientAddress", "900 W Liberty Dr, Wheaton, IL 60187"),
            new("Description", "Emergency department note of the visit"), new("LegalBasis", "LawEnforcement"),
            new("PurposeDetail", "court-ordered warrant"), new("Method", "InPerson"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Location().ShouldBe(DisclosuresApp.Path);
        var (_, landing) = await clerk.GetPageAsync(DisclosuresApp.Path);
        landing.ShouldContain("was recorded");
        var stored = await app.Factory.QueryAsync(db => db.Disclosures.AsNoTracking().SingleAsync(d => d.PatientLastName == last));
        stored.ShouldSatisfyAllConditions(
            d => d.RequiredInAccounting.ShouldBeTrue(), d => d.RequestId.ShouldBeNull(), d => d.Method.ShouldBe("InPerson"),
            d => d.Purpose.ShouldBe("Law enforcement (164.512(f)): court-ordered warrant"));
        var audit = (await app.AuditAsync("disclosures.recorded"))
            .Where(a => a.Subject!.Contains(stored.Id.ToString(), StringComparison.Ordinal)).ToList().ShouldHaveSingleItem();
        audit.UserName.ShouldBe("clerk");
        audit.Subject.ShouldNotBeNull().ShouldNotContain(last);
        audit.Outcome.ShouldNotBeNull().ShouldContain("LawEnforcement");

        var found = await clerk.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last));
        WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync()).ShouldContain("Wheaton Police Department");
    }

    [Fact]
    public async Task EveryViewAndDownload_IsAudited_WithThePatientAsAHash_NotTheName()
    {
        var last = DisclosuresApp.NewLastName();
        var request = await app.ReleasedToThePatientAsync(last, daysAgo: 1);
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        await supervisor.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last));
        (await supervisor.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last, "All"), DisclosuresApp.Path + "?handler=Csv"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last), DisclosuresApp.Path + "?handler=Pdf"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var viewed = (await app.AuditAsync("disclosures.viewed")).Where(a => a.RequestId == request.Id).ToList().ShouldHaveSingleItem();
        var csv = (await app.AuditAsync("disclosures.exported.csv")).Where(a => a.RequestId == request.Id).ToList().ShouldHaveSingleItem();
        var pdf = (await app.AuditAsync("disclosures.exported.pdf")).Where(a => a.RequestId == request.Id).ToList().ShouldHaveSingleItem();
        foreach (var row in new[] { viewed, csv, pdf })
        {
            row.UserName.ShouldBe("supervisor");
            row.Subject.ShouldNotBeNull().ShouldStartWith("patient:");
            row.Subject.ShouldNotContain(last, Case.Insensitive);
            row.Outcome.ShouldNotBeNull().ShouldNotContain(last, Case.Insensitive);
            row.Outcome.ShouldNotContain("1980");
        }

        viewed.Subject.ShouldBe(csv.Subject);
        viewed.Outcome.ShouldStartWith("Required view, 0 shown, 1 exempt hidden");
        csv.Outcome.ShouldStartWith("All view, 1 shown");
        pdf.Outcome.ShouldEndWith(".pdf");
    }

    [Fact]
    public async Task Disclosures_AreRefused_WithoutSignIn_AndToARulesAdmin_AndLinkedFromTheStaffHome()
    {
        using var anonymous = app.Factory.CreateBrowser();
        using var rulesAdmin = await app.Factory.SignedInAsync("rulesadmin");
        using var clerk = await app.Factory.SignedInAsync("clerk");

        foreach (var path in new[] { DisclosuresApp.Path, RecordPath })
        {
            (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/SignIn");
            (await rulesAdmin.GetAsync(new Uri(path, UriKind.Relative))).Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
        }

        var (_, rulesHome) = await rulesAdmin.GetPageAsync("/Staff");
        var (_, clerkHome) = await clerk.GetPageAsync("/Staff");
        rulesHome.ShouldNotContain("href=\"/Staff/Disclosures\"");
        clerkHome.ShouldContain("href=\"/Staff/Disclosures\"");
        var (status, record) = await clerk.GetPageAsync(RecordPath);
        status.ShouldBe(HttpStatusCode.OK);
        foreach (var id in RecordFields) record.ShouldContain($"id=\"{id}\"", customMessage: id);
    }

    private static readonly string[] RecordFields =
        ["LastName", "FirstName", "DateOfBirth", "MedicalRecordNumber", "DisclosedOn", "RecipientName", "RecipientAddress", "Description",
         "LegalBasis", "PurposeDetail", "Method"];

    private static int Rows(string html)
    {
        var body = TableBody().Match(html);
        return body.Success ? RowTag().Count(body.Groups[1].Value) : 0;
    }

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();

    [GeneratedRegex("<tr>")]
    private static partial Regex RowTag();
}
