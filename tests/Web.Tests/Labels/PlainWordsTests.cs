using System.Text.RegularExpressions;
using BackOffice.Web.Labels;
using BackOffice.Web.Pages.Staff.Requests;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.RuleSets;

namespace BackOffice.Web.Tests.Labels;

/// <summary>Every identifier a staff screen, export or staff message shows has its own words in <see cref="PlainWords"/>.</summary>
public sealed partial class PlainWordsTests
{
    /// <summary>The enums the staff screens, exports and letters show; listed here too, so none can drop out of the words unseen.</summary>
    private static readonly Type[] ShownEnums =
    [
        typeof(RequesterType), typeof(RepresentativeAuthority), typeof(DeceasedRelation), typeof(RequestChannel), typeof(DeliveryMethod),
        typeof(DocumentKind), typeof(RequestPurpose), typeof(SensitiveCategory), typeof(ReleaseDecisionKind), typeof(MinorObjection),
        typeof(TherapistFinding), typeof(RecordFormat), typeof(RequestKind), typeof(PaymentMethod), typeof(RecordsLocation),
        typeof(OutboxKind), typeof(RuleSetStatus), typeof(AccountingView), typeof(RetentionStage),
    ];

    public static TheoryData<Type> Enums() => [.. ShownEnums.Union(PlainWords.EnumTypes)];

    [Theory]
    [InlineData(true, "all records, 12 pages; withheld: MentalHealth, Hiv", "AtRequestOfIndividual",
        "all records, 12 pages; withheld: Mental health and developmental disabilities records, HIV test information",
        "At the patient's request (personal use)")]
    [InlineData(true, "Lab results, 2 pages", "Second opinion", "Lab results, 2 pages", "Second opinion")]
    [InlineData(true, "all records, 3 pages; withheld: Hiv, SomethingNew", "1", "all records, 3 pages; withheld: HIV test information, SomethingNew", "1")]
    [InlineData(false, "Culture result; withheld: Hiv", "Legal", "Culture result; withheld: Hiv", "Legal")]
    public void ADisclosure_ShowsTheEnumNamesARequestsReleaseStored_InTheirWords_AndWhatAClerkTypedAsTyped(
        bool throughARequest, string description, string purpose, string shownDescription, string shownPurpose)
    {
        var entry = new AccountingEntry(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 2), "Maria Lopez", null, description, purpose,
            "Mail", throughARequest ? Guid.NewGuid() : null, throughARequest ? "K7QM-4XPD-9RTA" : null, RequiredInAccounting: !throughARequest);

        PlainWords.DisclosureDescription(entry).ShouldBe(shownDescription);
        PlainWords.DisclosurePurpose(entry).ShouldBe(shownPurpose);
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void EveryValue_OfAnEnumTheScreensShow_HasWords_ThatAreNotItsIdentifier(Type type)
    {
        var problems = new List<string>();
        foreach (Enum value in Enum.GetValues(type))
        {
            var identifier = value.ToString();
            var words = PlainWords.OfAny(value);
            if (!PlainWords.Has(value)) problems.Add($"{type.Name}.{identifier} has no words of its own");
            else if (string.IsNullOrWhiteSpace(words)) problems.Add($"{type.Name}.{identifier}: empty");
            else if (words.Equals(identifier, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{type.Name}.{identifier}: \"{words}\" is only the identifier");
            else if (Identifier().IsMatch(words)) problems.Add($"{type.Name}.{identifier}: \"{words}\" has an identifier in it");
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryState_Action_Timer_AndMessage_OfEveryShippedLifecycle_HasWords()
    {
        var definitions = ShippedDefinitions();
        definitions.Count.ShouldBeGreaterThanOrEqualTo(3);
        var problems = new List<string>();
        foreach (var definition in definitions)
        {
            var where = $"{definition.Name} v{definition.Version}";
            foreach (var state in definition.States)
            {
                if (!PlainWords.HasState(state.Name)) problems.Add($"{where}: state {state.Name}");
                foreach (var timer in state.Timers.Where(t => t.Trigger is not null))
                    if (!PlainWords.HasTrigger(timer.Trigger!)) problems.Add($"{where}: timer trigger {timer.Trigger}");
            }

            foreach (var transition in definition.Transitions)
            {
                if (!PlainWords.HasTrigger(transition.Trigger)) problems.Add($"{where}: action {transition.Trigger}");
                // Each input an action's form asks for is named in the journal.
                foreach (var input in DetailsActionInputs.For(transition.Trigger, null).Where(i => i.Name != DetailsActionInputs.Comment))
                    if (!PlainWords.HasInput(input.Name)) problems.Add($"{where}: input {input.Name} of {transition.Trigger}");
            }

            var activities = definition.StartActivities
                .Concat(definition.States.SelectMany(s => s.Entry.Concat(s.Timers.Select(t => t.Activity ?? ""))))
                .Concat(definition.RequestTimers.Select(t => t.Activity ?? ""))
                .Concat(definition.Transitions.SelectMany(t => t.Activities));
            foreach (var message in activities.Where(a => a.Contains(':', StringComparison.Ordinal) && !a.StartsWith("LogDisclosure", StringComparison.Ordinal)))
            {
                var type = message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..];
                if (!PlainWords.HasMessage(type)) problems.Add($"{where}: message {message}");
            }
        }

        PlainWords.HasTrigger(LifecycleEngine.SubmitTrigger).ShouldBeTrue("the first journal line (the request logged) has no words");
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Theory]
    [InlineData("Action:Approve", "Action on a request: Approve")]
    [InlineData("Action:RecordPages", "Action on a request: Record page counts and contents")]
    [InlineData("ViewRequest", "Opened a request")]
    [InlineData("disclosures.exported.csv", "Downloaded an accounting of disclosures (CSV)")]
    [InlineData("RetentionPurge", "Removed a closed request's documents and personal data (retention policy)")]
    [InlineData("SomethingNew", "Something new")]
    public void AuditActions_AreWords(string action, string words) => PlainWords.AuditAction(action).ShouldBe(words);

    [Theory]
    [InlineData("identityChecked", "true", "Identity checked", "yes")]
    [InlineData("method", "CreditCardByPhone", "Payment method", "Credit card by phone")]
    [InlineData("objection", "InformedDoesNotObject", "The minor's answer", "Told, and does not object")]
    [InlineData("paper", "25", "Paper pages", "25")]
    [InlineData("containsMentalHealth", "true", "The records contain: Mental health and developmental disabilities records", "yes")]
    public void JournalInputs_AreWords(string name, string value, string nameWords, string valueWords)
    {
        PlainWords.Input(name).ShouldBe(nameWords);
        PlainWords.InputValue(name, value).ShouldBe(valueWords);
    }

    [Theory]
    [InlineData("InFulfillment", "In fulfillment")]
    [InlineData("SSIClaim", "SSI claim")]
    [InlineData("disclosures.viewed", "disclosures viewed")]
    public void ANameWithoutWords_IsAtLeastSplitIntoWords(string name, string words) => PlainWords.Split(name).ShouldBe(words);

    private static List<LifecycleDefinition> ShippedDefinitions() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json")
            .Select(path => LifecycleDefinition.Parse(File.ReadAllText(path), path))];

    /// <summary>A CamelCase or camelCase word: an identifier, not English.</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex Identifier();
}
