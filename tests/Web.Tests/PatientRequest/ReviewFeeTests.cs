using BackOffice.Rules;
using BackOffice.Web.Pages.Request;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>The review page says what the request will cost (by the fee rules in force) and the day we answer by, before it is sent.</summary>
public sealed class ReviewFeeTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    private async Task<string> ReviewAsync(Action<Answers> change)
    {
        using var form = new RequestForm(app.Factory);
        change(form.Answers);
        await form.CompleteThroughAsync("/request/sign");
        var (_, html) = await form.Client.GetPageAsync("/request/review");
        return html;
    }

    [Fact]
    public async Task PatientsOwnPaperCopiesByMail_AreChargedByThePage_WithAnExampleFromTheRulesInForce()
    {
        var html = await ReviewAsync(_ => { });

        var today = app.Factory.Services.GetRequiredService<DepartmentClock>().Today;
        var rules = app.Factory.Services.GetRequiredService<RulesEvaluator>();
        var fifty = rules.Estimate(RequesterType.Patient, CopyFormat.Paper, FeeOutlook.ExamplePageCount, today,
            RequestPurpose.AtRequestOfIndividual, DeliveryMethod.Mail, 0m).Total;
        fifty.ShouldBeGreaterThan(0m);
        html.ShouldContain("Charged by the page under the Illinois fee schedule in force");
        html.ShouldContain($"{FeeOutlook.ExamplePageCount} pages on paper");
        html.ShouldContain($"<strong>{FeeOutlook.Money(fifty)} plus postage</strong>");
        html.ShouldContain("href=\"/fees\"");
        html.ShouldContain("we do not accept cash");
    }

    [Fact]
    public async Task PatientsOwnElectronicCopies_AreAFlatFeeOfAtMost650_Citing164524()
    {
        var html = await ReviewAsync(answers =>
        {
            answers.Delivery["Delivery"] = "Portal";
            answers.Delivery["Format"] = "Electronic";
        });

        html.ShouldNotContain("Charged by the page");
        html.ShouldContain("a flat fee for");
        html.ShouldContain("45 CFR 164.524(c)(4)");
        var amount = decimal.Parse(System.Text.RegularExpressions.Regex.Match(html, @"<strong>\$([0-9.]+)</strong>: a flat fee").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        amount.ShouldBeInRange(0.01m, 6.50m);
    }

    [Fact]
    public async Task CopiesForASocialSecurityClaim_AreFree_CitingTheIllinoisAct()
    {
        var html = await ReviewAsync(answers =>
        {
            answers.AsAttorney();
            answers.Purpose["Purpose"] = "SSI";
        });

        html.ShouldContain("<strong>No charge</strong> for these copies.");
        html.ShouldContain("735 ILCS 5/8-2001");
        html.ShouldNotContain("send you an itemized invoice");
    }

    [Fact]
    public async Task CopiesSentStraightToADoctor_AreFree()
    {
        var html = await ReviewAsync(answers =>
        {
            answers.Who["Receives"] = "Provider";
            answers.Release["Recipient.Organisation"] = "Lisle Family Clinic";
            answers.Release["Recipient.Name"] = "Dr. Ruth Park";
        });

        html.ShouldContain("<strong>No charge</strong> for these copies.");
    }

    [Fact]
    public async Task Review_SaysTheDayWeAnswerBy_ThirtyDaysFromToday()
    {
        var html = await ReviewAsync(_ => { });

        var today = app.Factory.Services.GetRequiredService<DepartmentClock>().Today;
        html.ShouldContain($"We answer by <strong>{DateText.Written(today.AddDays(RecordsRequest.StandardResponseDays))}</strong>");
        html.ShouldContain("45 CFR 164.524(b)(2)");
    }
}
