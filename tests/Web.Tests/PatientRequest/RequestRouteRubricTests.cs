using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>
/// The points a public form study's rubric rewards in a records request route, checked one by one: found in one click,
/// self-access first with the fewest questions, no needless barriers, fee and response time before sending, rights
/// explained where they apply, filled in, signed and sent fully online.
/// </summary>
public sealed class RequestRouteRubricTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    [Fact]
    public async Task TheRoute_IsOneClickFromTheLandingPage()
    {
        using var form = new RequestForm(app.Factory);
        var (_, landing) = await form.Client.GetPageAsync("/");

        landing.ShouldContain("href=\"/request\"");
    }

    [Fact]
    public async Task SelfAccess_IsTheFirstChoice()
    {
        using var form = new RequestForm(app.Factory);
        var (_, who) = await form.Client.GetPageAsync("/request");

        var patient = who.IndexOf("value=\"Patient\"", StringComparison.Ordinal);
        patient.ShouldBeGreaterThan(0);
        foreach (var other in new[] { "PersonalRepresentative", "Attorney", "Insurer", "Provider", "OtherThirdParty" })
            who.IndexOf($"value=\"{other}\"", StringComparison.Ordinal).ShouldBeGreaterThan(patient, other);
    }

    [Fact]
    public async Task SelfAccess_AsksNoPurposeExpiryWitnessConsentsOrDeath_AndIsSentFullyOnline()
    {
        using var form = new RequestForm(app.Factory);
        var pages = new List<string>();
        foreach (var path in RequestForm.Paths)
        {
            pages.Add((await form.Client.GetPageAsync(path)).Html);
            await form.CompleteThroughAsync(path);
        }

        var all = string.Join("\n", pages);
        all.ShouldNotContain("name=\"ExpiresOn\"");
        all.ShouldNotContain("name=\"Consents.WitnessName\"");
        all.ShouldNotContain("name=\"Patient.IsDeceased\"");
        all.ShouldNotContain("I consent to the release of");
        // Signed by typing a name, with a phone photo of an ID: nothing to print, sign on paper or mail.
        all.ShouldContain("name=\"Signature.ElectronicSignature\"");
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
    }

    [Fact]
    public async Task NoStepAsksForASocialSecurityNumberOrANotary_AndAllRecordsIsAChoice()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        var pages = new List<string>();
        foreach (var path in RequestForm.Paths)
        {
            pages.Add((await form.Client.GetPageAsync(path)).Html);
            await form.CompleteThroughAsync(path);
        }

        var all = string.Join("\n", pages);
        all.ShouldNotContain("social security number", Case.Insensitive);
        System.Text.RegularExpressions.Regex.IsMatch(all, "name=\"(?:[^\"]*\\.)?(?:ssn|social[^\"]*)\"",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBeFalse();
        all.ShouldNotContain("notar", Case.Insensitive);
        all.ShouldContain(">All records<");
    }

    [Fact]
    public async Task TheReview_ExplainsThePatientsRights_ForTheirOwnRecords_AndTheFeeAndTheDate()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");

        var (_, review) = await form.Client.GetPageAsync("/request/review");

        review.ShouldContain("Your rights to your records");
        review.ShouldContain("how to ask for a review");
        review.ShouldContain("Office for Civil Rights");
        review.ShouldContain("What it costs and when we answer");
        review.ShouldContain("We answer by");
    }

    [Fact]
    public async Task AnAuthorization_ExplainsRevocationBeforeSigning()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        await form.CompleteThroughAsync("/request/purpose");

        var (_, sign) = await form.Client.GetPageAsync("/request/sign");

        sign.ShouldContain("can be revoked at any time");
    }
}
