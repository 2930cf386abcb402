using System.Globalization;
using BackOffice.Rules;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// What the request will cost, said on the review page before it is sent: the pages are not counted yet, so the fee
/// rules in force (the same ones that make the invoice) are run for this requester, recipient, purpose and format with
/// a small and a large page count. Free for both: no charge, with the rule's legal basis. The same amount for both: a
/// flat fee (a patient's electronic copies, 45 CFR 164.524(c)(4)). Otherwise: charged by the page under the Illinois
/// schedule in force, with an example and a link to the estimate.
/// </summary>
public sealed record FeeOutlook(FeeOutlookKind Kind, decimal Amount, IReadOnlyList<FeeLine> ExampleLines, int ExamplePages,
    int? ScheduleYear, bool PlusPostage)
{
    /// <summary>The page count of the example shown for a fee charged by the page.</summary>
    public const int ExamplePageCount = 50;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static FeeOutlook For(RecordsRequestDraft draft, CompiledRuleSet rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(rules);
        var one = Evaluate(draft, rules, today, 1);
        var example = Evaluate(draft, rules, today, ExamplePageCount);
        var mailed = draft.Delivery == DeliveryMethod.Mail;
        if (example.Total == 0m) return new FeeOutlook(FeeOutlookKind.Free, 0m, example.Lines, ExamplePageCount, example.Schedule?.Year, false);
        if (one.Total == example.Total)
            return new FeeOutlook(FeeOutlookKind.Flat, example.Total, example.Lines, ExamplePageCount, example.Schedule?.Year, mailed);
        return new FeeOutlook(FeeOutlookKind.PerPage, example.Total, example.Lines, ExamplePageCount, example.Schedule?.Year, mailed);
    }

    /// <summary>The legal basis the page names: the first line's (a free request's "no charge" line names its law).</summary>
    public string? Basis => ExampleLines.Select(line => line.Basis).FirstOrDefault(basis => !string.IsNullOrWhiteSpace(basis));

    public static string Money(decimal amount) => amount.ToString("C", English);

    private static FeeEvaluation Evaluate(RecordsRequestDraft draft, CompiledRuleSet rules, DateOnly today, int pages)
    {
        var electronic = draft.Format == RecordFormat.Electronic;
        var facts = new RequestFacts
        {
            Kind = draft.Kind,
            RequesterType = draft.Requester.Type,
            RequesterAuthority = draft.Requester.Authority,
            RecipientType = draft.Recipient.Type,
            Format = draft.Format,
            Delivery = draft.Delivery,
            Purpose = draft.Purpose,
            PaperPages = electronic ? 0 : pages,
            ElectronicPages = electronic ? pages : 0,
            PatientAge = draft.Patient.DateOfBirth == default ? 0 : draft.Patient.AgeOn(today),
            PatientDeceased = draft.Patient.IsDeceased,
            ReceivedOn = today,
            Today = today,
        };
        var fees = rules.EvaluateFees(facts);
        return fees.Errors.Count > 0 ? throw new RuleSetException(fees.Errors) : fees;
    }
}

public enum FeeOutlookKind
{
    Free,
    Flat,
    PerPage,
}
