using System.Text.Json.Nodes;
using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;
using Json.Schema;

namespace BackOffice.Rules.Tests;

/// <summary>Rule files are checked at load: JSON syntax, schema, names, and every expression.</summary>
public class RuleSetValidationTests
{
    private static IReadOnlyList<RuleError> Errors(RuleSet draft) => RuleSetCompiler.Compile(draft).Errors;

    public static TheoryData<string> ShippedRuleFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(ShippedRules.Directory, "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            files.Add(Path.GetFileName(path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(ShippedRuleFiles))]
    public void EveryShippedRuleFile_ValidatesAgainstTheSchemaItNames(string file)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        foreach (var schemaPath in Directory.GetFiles(ShippedRules.Directory, "*.schema.json"))
        {
            options.SchemaRegistry.Register(JsonSchema.FromFile(schemaPath));
        }

        var document = JsonNode.Parse(ShippedRules.Text(file))!;
        var schemaFile = (string)document["$schema"]!;
        var results = JsonSchema.FromFile(Path.Combine(ShippedRules.Directory, schemaFile)).Evaluate(document, options);

        results.IsValid.ShouldBeTrue(string.Join("; ", results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Values)));
        RuleSet.DocumentNames.ShouldContain(file, "every file in rules/ is part of the rule set");
    }

    [Fact]
    public void EverySchema_IsAValidDraft202012Schema()
    {
        foreach (var schemaPath in Directory.GetFiles(ShippedRules.Directory, "*.schema.json"))
        {
            MetaSchemas.Draft202012.Evaluate(JsonNode.Parse(File.ReadAllText(schemaPath))).IsValid.ShouldBeTrue(schemaPath);
        }
    }

    [Fact]
    public void ReleaseSchema_ListsExactlyTheSensitiveCategories()
    {
        var schema = JsonNode.Parse(ShippedRules.Text("release.schema.json"))!;
        var categories = schema["properties"]!["Rules"]!["items"]!["properties"]!["Properties"]!["properties"]!["category"]!["enum"]!.AsArray();

        categories.Select(c => (string)c!).ShouldBe(Enum.GetNames<SensitiveCategory>());
    }

    [Fact]
    public void ShippedRuleSet_CompilesWithoutErrors_AsVersion1()
    {
        var compilation = RuleSetCompiler.Compile(ShippedRules.Load());

        compilation.Errors.ShouldBeEmpty();
        compilation.RuleSet!.Version.ShouldBe(RuleSet.ShippedVersion);
        ShippedRules.Load().Validate().ShouldBeEmpty();
    }

    [Fact]
    public void BrokenFile_MissingABasis_IsRejectedNamingTheRuleAndTheProperty()
    {
        var draft = Drafts.With(RuleSet.IllinoisFeesDocument, d => Drafts.Rule(d, "IllinoisPostage")["Properties"]!.AsObject().Remove("basis"));

        var error = Errors(draft).ShouldHaveSingleItem();
        error.Document.ShouldBe(RuleSet.IllinoisFeesDocument);
        error.Rule.ShouldBe("IllinoisPostage");
        error.Position.ShouldBe("/Rules/8/Properties");
        error.Message.ShouldContain("basis");
    }

    [Fact]
    public void FeeRule_WithoutAnAmount_IsRejectedSayingWhatItNeeds()
    {
        var draft = Drafts.With(RuleSet.IllinoisFeesDocument, d => Drafts.Rule(d, "IllinoisMicrofiche")["LocalParams"]!.AsArray().RemoveAt(1));

        var error = Errors(draft).ShouldHaveSingleItem();
        error.Position.ShouldBe("/Rules/7/LocalParams");
        error.Message.ShouldContain("'amount' is the line's amount");
    }

    [Fact]
    public void BrokenFile_WithAJsonSyntaxError_IsRejectedWithTheLine()
    {
        var text = ShippedRules.Text(RuleSet.ReleaseDocument).Replace("\"outcome\": \"Redirect\",", "\"outcome\": \"Redirect\",,", StringComparison.Ordinal);

        var error = Errors(Drafts.WithText(RuleSet.ReleaseDocument, text)).ShouldHaveSingleItem();
        error.Document.ShouldBe(RuleSet.ReleaseDocument);
        error.Position.ShouldBe("line 10, position 31");
        error.Message.ShouldContain("invalid start of a property name");
    }

    [Fact]
    public void BrokenFile_WithAnUnknownOutcome_IsRejectedNamingTheRule()
    {
        var draft = Drafts.With(RuleSet.ReleaseDocument, d => Drafts.Rule(d, "HoldNotSigned")["Properties"]!["outcome"] = "Allow");

        Errors(draft).ShouldContain(e => e.Rule == "HoldNotSigned" && e.Position == "/Rules/10/Properties/outcome");
    }

    [Fact]
    public void BrokenFile_WithAWithholdWithoutCategory_IsRejectedNamingWhatIsMissing()
    {
        var draft = Drafts.With(RuleSet.ReleaseDocument, d => Drafts.Rule(d, "WithholdHivWithoutRelease")["Properties"]!.AsObject().Remove("category"));

        Errors(draft).ShouldContain(e => e.Rule == "WithholdHivWithoutRelease" && e.Message.Contains("category"));
    }

    [Fact]
    public void BrokenFile_WithAnAction_IsRejected()
    {
        var draft = Drafts.With(RuleSet.FeesDocument, d => Drafts.Rule(d, "IllinoisSchedule")["Actions"] = new JsonObject());

        Errors(draft).ShouldContain(e => e.Rule == "IllinoisSchedule" && e.Position == "/Rules/3/Actions");
    }

    [Fact]
    public void BrokenExpression_IsReportedNamingTheRuleAndTheExpression()
    {
        var draft = Drafts.With(RuleSet.ReleaseDocument, d => Drafts.Rule(d, "HoldNotSigned")["Expression"] = "!facts.Signature");

        var error = Errors(draft).ShouldHaveSingleItem();
        error.Rule.ShouldBe("HoldNotSigned");
        error.Position.ShouldBe("/Rules/10/Expression");
        error.Message.ShouldContain("Signature");
        error.ToString().ShouldStartWith("release.json, rule HoldNotSigned at /Rules/10/Expression:");
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("facts.GetType().Assembly.FullName != null")]
    [InlineData("Environment.Exit(1) == null")]
    public void Expression_CannotReachBeyondItsInputs(string injected)
    {
        var draft = Drafts.With(RuleSet.ReleaseDocument, d => Drafts.Rule(d, "HoldNotSigned")["Expression"] = injected);

        Errors(draft).ShouldHaveSingleItem().Rule.ShouldBe("HoldNotSigned");
    }

    [Fact]
    public void MisspelledEnumValue_IsReportedNamingTheRule()
    {
        var draft = Drafts.With(RuleSet.FeesDocument, d => Drafts.Rule(d, "NoChargeDirectToProvider")["Expression"] = "facts.RecipientType == \"Provder\"");

        Errors(draft).ShouldHaveSingleItem().Rule.ShouldBe("NoChargeDirectToProvider");
    }

    [Fact]
    public void BrokenLocalParameter_IsReportedAtItsPosition()
    {
        var draft = Drafts.With(RuleSet.IllinoisFeesDocument,
            d => Drafts.Rule(d, "IllinoisMicrofiche")["LocalParams"]![1]!["Expression"] = "schedule.FicheRate");

        var error = Errors(draft).ShouldHaveSingleItem();
        error.Rule.ShouldBe("IllinoisMicrofiche");
        error.Position.ShouldBe("/Rules/7/LocalParams/1/Expression");
        error.Message.ShouldContain("FicheRate");
    }

    [Fact]
    public void DuplicateRuleNames_AreRejected()
    {
        var draft = Drafts.With(RuleSet.ReleaseDocument, d => Drafts.Rule(d, "HoldNotSigned")["RuleName"] = "HoldSignatureNotDated");

        Errors(draft).ShouldHaveSingleItem().Message.ShouldContain("Two rules are named 'HoldSignatureNotDated'");
    }

    [Fact]
    public void WorkflowNamedUnlikeItsFile_IsRejected()
    {
        var draft = Drafts.With(RuleSet.IllinoisFeesDocument, d => d["WorkflowName"] = "fees-hipaa");

        Errors(draft).ShouldHaveSingleItem().Message.ShouldContain("must be named 'fees-illinois'");
    }

    [Fact]
    public void MissingDocument_IsRejected()
    {
        var documents = ShippedRules.Load().Documents.Where(d => d.Key != RuleSet.HipaaFeesDocument).ToDictionary();

        Errors(new RuleSet(3, documents)).ShouldHaveSingleItem().Document.ShouldBe(RuleSet.HipaaFeesDocument);
    }

    [Fact]
    public void FeeSchedule_WithAFractionOfACent_IsRejected()
    {
        var draft = Drafts.With(RuleSet.FeeSchedulesDocument, d => d["illinois"]![2]!["firstTierRate"] = 1.305m);

        Errors(draft).ShouldContain(e => e.Position == "/illinois/2/firstTierRate");
    }

    [Fact]
    public void FeeSchedule_WithAFlatFeeAboveTheHipaaLimit_IsRejected()
    {
        var draft = Drafts.With(RuleSet.FeeSchedulesDocument, d => d["hipaaAccess"]!["electronicFlatFee"] = 6.51m);

        Errors(draft).ShouldContain(e => e.Position == "/hipaaAccess/electronicFlatFee");
    }

    [Fact]
    public void FeeSchedule_WhoseYearAndDateDisagree_IsRejected()
    {
        var draft = Drafts.With(RuleSet.FeeSchedulesDocument, d => d["illinois"]![2]!["effectiveFrom"] = "2023-01-20");

        var error = Errors(draft).ShouldHaveSingleItem();
        error.Position.ShouldBe("/illinois/2/effectiveFrom");
        error.Message.ShouldContain("2024");
    }

    [Fact]
    public void FeeBases_ThatLeaveARequestUncovered_AreAnErrorNotAFreeRequest()
    {
        var draft = Drafts.Compile(Drafts.With(RuleSet.FeesDocument, d => Drafts.Rule(d, "IllinoisSchedule")["Expression"] = "false"));

        var fees = draft.EvaluateFees(Facts.ThirdParty() with { PaperPages = 10 });

        fees.Lines.ShouldBeEmpty();
        fees.Errors.ShouldHaveSingleItem().Message.ShouldContain("No fee basis applies");
    }

    [Fact]
    public void ExpressionFailingOnlyForSomeRequests_IsAnEvaluationErrorNamingTheRule()
    {
        var draft = Drafts.Compile(Drafts.With(RuleSet.IllinoisFeesDocument,
            d => Drafts.Rule(d, "IllinoisHandling")["LocalParams"]![0]!["Expression"] = "schedule.Handling * 7 / (7 - facts.PaperPages)"));

        var fees = draft.EvaluateFees(Facts.ThirdParty() with { PaperPages = 7 });

        var error = fees.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("IllinoisHandling");
        error.Message.ShouldContain("divide by zero");
        fees.Outcomes.Single(o => o.Rule == "IllinoisHandling").Success.ShouldBeFalse();
        Should.Throw<RuleSetException>(() => draft.Estimate(RequesterType.Attorney, CopyFormat.Paper, 7, Facts.Received2024,
            RequestPurpose.Legal, DeliveryMethod.Mail, 0m)).Message.ShouldContain("IllinoisHandling");
    }
}
