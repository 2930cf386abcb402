using BackOffice.Workflows.Requests;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace BackOffice.Rules.Bench;

/// <summary>
/// A full evaluation of one request (fees and release decision) by the shipped rule set, against the
/// same logic written by hand; the ratio column says what keeping the rules as data costs.
/// </summary>
[SimpleJob(RunStrategy.Throughput, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private CompiledRuleSet _rules = null!;
    private RequestFacts _facts = null!;

    /// <summary>An attorney's 120 paper pages (Illinois schedule), or a patient's own 120 paper pages (HIPAA, capped by Illinois).</summary>
    [Params("Attorney120Paper", "Patient120Paper")]
    public string Request { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _rules = RuleSetCompiler.Compile(RuleSet.FromDirectory(RulesFolder.Find())).GetOrThrow();
        _facts = Request == "Attorney120Paper" ? Attorney() : Patient();
        foreach (var facts in Variants())
        {
            EnsureSameAnswers(facts);
        }
    }

    [Benchmark(Baseline = true)]
    public HandWrittenRules.Answer HandWritten() => HandWrittenRules.Evaluate(_facts, _rules.FeeSchedules);

    [Benchmark]
    public RuleSetEvaluation RulesEngine() => _rules.Evaluate(_facts);

    /// <summary>The measured requests and a spread of others, each a different path through the rules.</summary>
    private IEnumerable<RequestFacts> Variants() =>
    [
        _facts,
        Attorney() with { PaperPages = 20, ElectronicPages = 40, MicrofichePages = 3 },
        Attorney() with { RecipientType = RequesterType.Provider },
        Attorney() with { Purpose = RequestPurpose.SSI, ExpiresOn = null, ExpiryStated = false },
        Attorney() with { MentalHealthConsent = true, HivConsent = true, SubstanceUseDisorderConsent = true, PatientAge = 16 },
        Attorney() with { IncludesMedicalGroup = false, IncludesOtherFacility = true, OtherFacilityName = "Riverside Clinic" },
        Patient() with { Format = RecordFormat.Electronic, ElectronicPages = 300, PsychotherapyNotesRequested = true },
        Patient() with { PsychotherapyNotesRequested = true, OnlyPsychotherapyNotesRequested = true },
        Patient() with { PatientDeceased = true, RequesterAuthority = RepresentativeAuthority.AuthorizedRelative, AuthorityDescribed = true },
        Patient() with { PaperPages = 2000 },
    ];

    /// <summary>A benchmark of two things that answer differently would measure nothing.</summary>
    private void EnsureSameAnswers(RequestFacts facts)
    {
        var byRules = _rules.Evaluate(facts);
        var byHand = HandWrittenRules.Evaluate(facts, _rules.FeeSchedules);
        var same = byRules.Errors.Count == 0
            && byRules.Fees.Lines.SequenceEqual(byHand.Lines)
            && byRules.Fees.Total == byHand.Total
            && byRules.Release.Decision.Kind == byHand.Decision.Kind
            && byRules.Release.Decision.Missing.SequenceEqual(byHand.Decision.Missing)
            && byRules.Release.Decision.Withheld.SequenceEqual(byHand.Decision.Withheld)
            && byRules.Release.Decision.Summary == byHand.Decision.Summary
            && byRules.Release.Decision.RedirectTo == byHand.Decision.RedirectTo;
        if (!same)
        {
            throw new InvalidOperationException($"The hand-written rules answer differently for {facts}: " +
                $"{byRules.Fees.Total} / {byRules.Release.Decision.Summary} against {byHand.Total} / {byHand.Decision.Summary}");
        }
    }

    private static RequestFacts Attorney() => new()
    {
        Kind = RequestKind.Authorization,
        RequesterType = RequesterType.Attorney,
        RecipientType = RequesterType.Attorney,
        Format = RecordFormat.Paper,
        Delivery = DeliveryMethod.Mail,
        Purpose = RequestPurpose.Legal,
        PaperPages = 120,
        Postage = 7.85m,
        PatientAge = 44,
        InformationDescribed = true,
        RecipientNamed = true,
        PurposeStated = true,
        ExpiryStated = true,
        ExpiresOn = new DateOnly(2025, 3, 1),
        SignaturePresent = true,
        SignatureDated = true,
        RequiredStatementsPresent = true,
        ReceivedOn = new DateOnly(2024, 3, 1),
        Today = new DateOnly(2024, 3, 4),
    };

    private static RequestFacts Patient() => Attorney() with
    {
        Kind = RequestKind.Access,
        RequesterType = RequesterType.Patient,
        RecipientType = RequesterType.Patient,
        Purpose = RequestPurpose.AtRequestOfIndividual,
        RequiredStatementsPresent = false,
        ExpiryStated = false,
        ExpiresOn = null,
    };
}
