using System.Globalization;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Bench;

/// <summary>
/// fees.json, fees-illinois.json and fees-hipaa.json written by hand, with the same lines, bases and
/// rounding, plus the hand-written release decision: the benchmark's baseline.
/// </summary>
public static class HandWrittenRules
{
    private const string IllinoisPerPage = "735 ILCS 5/8-2001(d) per-page charge";
    private const string ElectronicBasis = "735 ILCS 5/8-2001(d): electronic copies at 50% of the per-page charge for paper copies";

    public sealed record Answer(IReadOnlyList<FeeLine> Lines, decimal Total, ReleaseDecision Decision);

    public static Answer Evaluate(RequestFacts f, FeeSchedules schedules)
    {
        var schedule = schedules.InForceOn(f.ReceivedOn) ?? throw new InvalidOperationException("No schedule in force.");
        var lines = Fees(f, schedule, schedules.HipaaAccess);
        return new Answer(lines, lines.Sum(l => l.Amount), HandWrittenRelease.Decide(f));
    }

    private static List<FeeLine> Fees(RequestFacts f, IllinoisFeeSchedule s, HipaaAccessCost cost)
    {
        if (f.RecipientType == RequesterType.Provider)
        {
            return [new("No charge: records sent directly to another medical provider", 0m,
                "Medical group policy: no fee for records sent directly to another medical provider")];
        }

        if (f.Purpose is RequestPurpose.VeteransDisability or RequestPurpose.SocialSecurity or RequestPurpose.SSI or RequestPurpose.AABD)
        {
            return [new("No charge: copies supporting a veterans' disability, Social Security, SSI or Aid to the Aged, Blind or Disabled claim", 0m,
                "Illinois P.A. 102-0183 (earlier P.A. 100-0814), amending 735 ILCS 5/8-2001")];
        }

        var illinois = Illinois(f, s);
        var ownAccess = f.Kind == RequestKind.Access && f.RecipientType is RequesterType.Patient or RequesterType.PersonalRepresentative;
        return ownAccess ? Hipaa(f, cost, illinois.Sum(l => l.Amount)) : illinois;
    }

    private static List<FeeLine> Illinois(RequestFacts f, IllinoisFeeSchedule s)
    {
        var lines = new List<FeeLine> { new("Handling charge", s.Handling, "735 ILCS 5/8-2001(d) handling charge, as adjusted under 735 ILCS 5/8-2006") };
        var paper = f.PaperPages;
        var copies = paper + f.ElectronicPages;
        Add(lines, "Paper copies, pages 1-25", Math.Min(paper, s.FirstTierLastPage), s.FirstTierRate, IllinoisPerPage + ", first 25 pages");
        Add(lines, "Paper copies, pages 26-50", Math.Max(0, Math.Min(paper, s.SecondTierLastPage) - s.FirstTierLastPage), s.SecondTierRate,
            IllinoisPerPage + ", pages 26 to 50");
        Add(lines, "Paper copies, pages over 50", Math.Max(0, paper - s.SecondTierLastPage), s.OverSecondTierRate, IllinoisPerPage + ", pages over 50");
        Add(lines, "Electronic copies, pages 1-25 (50% of the paper rate, rounded down to the cent)",
            Math.Max(0, Math.Min(copies, s.FirstTierLastPage) - paper), HalfRoundedDown(s.FirstTierRate), ElectronicBasis);
        Add(lines, "Electronic copies, pages 26-50 (50% of the paper rate, rounded down to the cent)",
            Math.Max(0, Math.Min(copies, s.SecondTierLastPage) - Math.Max(paper, s.FirstTierLastPage)), HalfRoundedDown(s.SecondTierRate), ElectronicBasis);
        Add(lines, "Electronic copies, pages over 50 (50% of the paper rate, rounded down to the cent)",
            Math.Max(0, copies - Math.Max(paper, s.SecondTierLastPage)), HalfRoundedDown(s.OverSecondTierRate), ElectronicBasis);
        Add(lines, "Copies from microfiche or microfilm", f.MicrofichePages, s.MicroficheRate, IllinoisPerPage + " for copies from microfiche or microfilm");
        if (f.Postage > 0)
        {
            lines.Add(new("Postage and shipping (actual cost)", f.Postage, "735 ILCS 5/8-2001(d): actual postage or shipping charges"));
        }

        return lines;
    }

    private static List<FeeLine> Hipaa(RequestFacts f, HipaaAccessCost cost, decimal illinoisMaximum)
    {
        var lines = new List<FeeLine>();
        if (f.Format == RecordFormat.Electronic)
        {
            lines.Add(new("Flat fee for electronic copies, all-inclusive (never above the Illinois maximum for the same copies)",
                Math.Min(cost.ElectronicFlatFee, illinoisMaximum),
                "45 CFR 164.524(c)(4): flat fee of at most $6.50 for electronic copies; no per-page fees for electronic copies"));
            return lines;
        }

        var pages = f.PaperPages + f.MicrofichePages;
        Add(lines, "Labor for copying (cost-based)", pages, cost.LaborPerPage, "45 CFR 164.524(c)(4)(i): labor for copying; medical group average-cost schedule");
        Add(lines, "Paper and toner (cost-based)", pages, cost.SuppliesPerPage,
            "45 CFR 164.524(c)(4)(ii): supplies for paper copies; medical group average-cost schedule");
        if (f.Postage > 0)
        {
            lines.Add(new("Postage (actual cost)", f.Postage, "45 CFR 164.524(c)(4)(iii): postage when the individual asks for copies to be mailed"));
        }

        var costBased = pages * (cost.LaborPerPage + cost.SuppliesPerPage) + f.Postage;
        if (costBased > illinoisMaximum)
        {
            lines.Add(new("Reduction: a patient's cost-based fee never exceeds the Illinois maximum for the same copies",
                illinoisMaximum - costBased, "735 ILCS 5/8-2001(d) maximum charges; 45 CFR 164.524(c)(4)"));
        }

        return lines;
    }

    private static decimal HalfRoundedDown(decimal rate) => Math.Floor(rate * 0.5m * 100m) / 100m;

    private static void Add(List<FeeLine> lines, string description, int quantity, decimal rate, string basis)
    {
        if (quantity > 0)
        {
            lines.Add(new(string.Create(CultureInfo.InvariantCulture, $"{description}: {quantity:0.##} × {rate:0.00}"), quantity * rate, basis));
        }
    }
}
