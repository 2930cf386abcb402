using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Rules.Tests;

/// <summary>The rules as the lifecycle and the web app get them: IRequestEvaluator from AddRules.</summary>
public class RulesEvaluatorTests
{
    private static RulesEvaluator Evaluator(IRuleSetSource? source = null) =>
        new(source ?? new DirectoryRuleSetSource(ShippedRules.Directory), new RuleSetCache());

    [Fact]
    public void AssessFee_Is11907WithVersion1_For2024Attorney120PaperPages()
    {
        var request = Requests.Create(Requests.AttorneyDraft());
        request.RecordPages(new PageCounts { Paper = 120 }, 0m);

        var fee = Evaluator().AssessFee(request, Requests.Received);

        fee.Total.ShouldBe(119.07m);
        fee.RuleSetVersion.ShouldBe(1);
        fee.Lines.Count.ShouldBe(4);
    }

    [Fact]
    public void AssessRelease_Releases_APatientsOwnRequest()
    {
        var release = Evaluator().AssessRelease(Requests.Create(Requests.PatientDraft()), Requests.Received);

        release.Decision.ShouldBe(ReleaseDecisionKind.Release);
        release.RuleSetVersion.ShouldBe(1);
        release.Summary.ShouldBe("Release.");
    }

    [Fact]
    public void AssessRelease_HoldsNamingTheMissingElements_AndListsTheWithheldCategories()
    {
        var request = Requests.Create(Requests.AttorneyDraft() with { ExpiresOn = null, RequiredStatementsPresent = false });

        var release = Evaluator().AssessRelease(request, Requests.Received);

        release.Decision.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        release.MissingElements.Count.ShouldBe(2);
        release.MissingElements.ShouldContain(m => m.Contains("expiration date"));
        release.Withheld.ShouldContain(w => w.Category == SensitiveCategory.Hiv && w.Basis == "410 ILCS 305/9");
    }

    [Fact]
    public void AssessRelease_RedirectsNamingTheOtherFacility()
    {
        var request = Requests.Create(Requests.PatientDraft() with
        {
            Locations = [RecordsLocation.OtherFacility],
            OtherFacilityName = "Riverside Clinic",
        });

        var release = Evaluator().AssessRelease(request, Requests.Received);

        release.Decision.ShouldBe(ReleaseDecisionKind.Redirect);
        release.RedirectTo.ShouldNotBeNull().ShouldStartWith("Riverside Clinic");
    }

    [Fact]
    public void AssessFee_Throws_WhenTheRulesCannotPriceTheRequest()
    {
        var day = new DateOnly(2016, 6, 1);
        var request = Requests.Create(Requests.AttorneyDraft() with
        {
            Signature = new SignatureDetails { SignerName = "Ada Lovelace", SignedOn = day },
            ExpiresOn = day.AddYears(1),
        }, received: day);

        Should.Throw<RuleSetException>(() => Evaluator().AssessFee(request, day))
            .Message.ShouldContain("No Illinois fee schedule is in force on 2016-06-01");
    }

    [Fact]
    public void AddRules_ProvidesTheRulesEvaluator_FromTheRulesFolderBesideTheApp()
    {
        using var provider = new ServiceCollection().AddRules().BuildServiceProvider();

        var evaluator = provider.GetRequiredService<IRequestEvaluator>();

        evaluator.ShouldBeSameAs(provider.GetRequiredService<RulesEvaluator>());
        provider.GetRequiredService<RulesEvaluator>()
            .Estimate(RequesterType.Attorney, CopyFormat.Paper, 120, Requests.Received, RequestPurpose.Legal, DeliveryMethod.Mail, 0m)
            .Total.ShouldBe(119.07m);
    }

    [Fact]
    public void AddRules_ProvidesTheRuleSetStoresValidator()
    {
        using var provider = new ServiceCollection().AddRules(ShippedRules.Directory).BuildServiceProvider();
        var validator = provider.GetRequiredService<IRuleSetValidator>();
        var files = new Dictionary<string, string>(ShippedRules.Load().Documents) { ["README.md"] = "not a rule document" };

        validator.Validate(files).ShouldBeEmpty();
        files[RuleSet.ReleaseDocument] = files[RuleSet.ReleaseDocument].Replace("!facts.SignatureDated", "!facts.SignatureDate", StringComparison.Ordinal);
        var problem = validator.Validate(files).ShouldHaveSingleItem();
        problem.File.ShouldBe(RuleSet.ReleaseDocument);
        problem.Rule.ShouldBe("HoldSignatureNotDated");
        problem.Message.ShouldStartWith("at /Rules/11/Expression: ");
        problem.Message.ShouldContain("SignatureDate");
    }

    [Fact]
    public void AddRules_KeepsARuleSetSourceRegisteredBeforeIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRuleSetSource>(new FixedSource(ShippedRules.Load().WithDocument(
            RuleSet.FeesDocument, ShippedRules.Text(RuleSet.FeesDocument), version: 7)));
        using var provider = services.AddRules().BuildServiceProvider();

        var evaluator = provider.GetRequiredService<RulesEvaluator>();

        evaluator.Current.Version.ShouldBe(7);
        evaluator.AssessRelease(Requests.Create(Requests.PatientDraft()), Requests.Received).RuleSetVersion.ShouldBe(7);
    }

    [Fact]
    public void Cache_CompilesEachVersionOnce()
    {
        var cache = new RuleSetCache();
        var version1 = ShippedRules.Load();
        var version2 = version1.WithDocument(RuleSet.ReleaseDocument, version1.Documents[RuleSet.ReleaseDocument], version: 2);

        var first = cache.Get(version1);

        cache.Get(RuleSet.FromDirectory(ShippedRules.Directory)).ShouldBeSameAs(first);
        cache.Get(version2).ShouldNotBeSameAs(first);
        cache.Get(version2).Version.ShouldBe(2);
    }

    [Fact]
    public void Cache_RefusesABrokenVersionWithItsErrors()
    {
        var broken = ShippedRules.Load().WithDocument(RuleSet.ReleaseDocument, "{}", version: 9);

        Should.Throw<RuleSetException>(() => new RuleSetCache().Get(broken))
            .Errors.ShouldContain(e => e.Document == RuleSet.ReleaseDocument && e.Message.Contains("WorkflowName"));
    }

    [Fact]
    public void Evaluate_ReturnsFeesReleaseAndEveryRulesOutcome()
    {
        var evaluation = Evaluator().Evaluate(Facts.ThirdParty() with { PaperPages = 120 });

        evaluation.RuleSetVersion.ShouldBe(1);
        evaluation.Fees.Total.ShouldBe(119.07m);
        evaluation.Release.Decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        evaluation.Errors.ShouldBeEmpty();
        evaluation.Outcomes.Select(o => o.Workflow).Distinct().ShouldBe(["fees", "fees-illinois", "release"]);
        evaluation.Outcomes.Single(o => o.Rule == "IllinoisPaperOverSecondTier").Message
            .ShouldBe("Paper copies, pages over 50: 70 × 0.43: 30.10");
        evaluation.Outcomes.Single(o => o.Rule == "IllinoisSchedule").Success.ShouldBeTrue();
        evaluation.Outcomes.Single(o => o.Rule == "PatientOwnAccess").Success.ShouldBeFalse();
    }

    [Fact]
    public void CompiledRuleSet_GivesTheSameAnswers_FromManyThreadsAtOnce()
    {
        var rules = ShippedRules.RuleSet;
        var totals = new decimal[400];

        Parallel.For(0, totals.Length, i => totals[i] = rules.Evaluate(Facts.ThirdParty() with { PaperPages = i % 4 == 0 ? 120 : 25 }).Fees.Total);

        totals.Where((_, i) => i % 4 == 0).ShouldAllBe(t => t == 119.07m);
        totals.Where((_, i) => i % 4 != 0).ShouldAllBe(t => t == 67.22m);
    }

    private sealed class FixedSource(RuleSet ruleSet) : IRuleSetSource
    {
        public RuleSet Current => ruleSet;
    }
}
