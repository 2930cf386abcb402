using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Rules;

/// <summary>
/// The fee schedules of a rule set (<c>fee-schedules.json</c>). A new year is a new entry in that file,
/// not a software release: the schedule in force is looked up by the request's received date.
/// </summary>
public sealed class FeeSchedules
{
    private FeeSchedules(IReadOnlyList<IllinoisFeeSchedule> illinois, HipaaAccessCost hipaaAccess)
    {
        Illinois = illinois;
        HipaaAccess = hipaaAccess;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<IllinoisFeeSchedule> Illinois { get; }

    public HipaaAccessCost HipaaAccess { get; }

    /// <summary>The latest schedule that took effect on or before <paramref name="day"/>; null before the first.</summary>
    public IllinoisFeeSchedule? InForceOn(DateOnly day)
    {
        for (var i = Illinois.Count - 1; i >= 0; i--)
        {
            if (Illinois[i].EffectiveFrom <= day)
            {
                return Illinois[i];
            }
        }

        return null;
    }

    /// <summary>Reads a document that already passed its schema; adds what a schema cannot check to <paramref name="errors"/>.</summary>
    internal static FeeSchedules? Read(JsonNode root, List<RuleError> errors)
    {
        var illinois = root["illinois"]!.AsArray().Select(ReadIllinois).ToList();
        var hipaa = root["hipaaAccess"]!;
        var hipaaAccess = new HipaaAccessCost(Money(hipaa, "electronicFlatFee"), Money(hipaa, "laborPerPage"),
            Money(hipaa, "suppliesPerPage"), hipaa["source"]!.GetValue<string>());

        var before = errors.Count;
        for (var i = 0; i < illinois.Count; i++)
        {
            var schedule = illinois[i];
            var position = $"/illinois/{i}";
            if (schedule.EffectiveFrom.Year != schedule.Year)
            {
                errors.Add(new RuleError(RuleSet.FeeSchedulesDocument, null, position + "/effectiveFrom",
                    $"The {schedule.Year} schedule takes effect in {schedule.EffectiveFrom.Year}; the year and the date must agree."));
            }

            if (schedule.SecondTierLastPage <= schedule.FirstTierLastPage)
            {
                errors.Add(new RuleError(RuleSet.FeeSchedulesDocument, null, position + "/secondTierLastPage",
                    $"The {schedule.Year} schedule's second tier must end after its first tier ({schedule.FirstTierLastPage})."));
            }

            if (illinois.Take(i).Any(other => other.EffectiveFrom == schedule.EffectiveFrom))
            {
                errors.Add(new RuleError(RuleSet.FeeSchedulesDocument, null, position + "/effectiveFrom",
                    $"Two schedules take effect on {schedule.EffectiveFrom:yyyy-MM-dd}; keep one."));
            }
        }

        return errors.Count > before ? null : new FeeSchedules([.. illinois.OrderBy(s => s.EffectiveFrom)], hipaaAccess);
    }

    private static IllinoisFeeSchedule ReadIllinois(JsonNode? node) => new(
        node!["year"]!.GetValue<int>(),
        DateOnly.ParseExact(node["effectiveFrom"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Money(node, "handling"),
        Money(node, "firstTierRate"),
        Money(node, "secondTierRate"),
        Money(node, "overSecondTierRate"),
        Money(node, "microficheRate"),
        node["firstTierLastPage"]!.GetValue<int>(),
        node["secondTierLastPage"]!.GetValue<int>(),
        node["source"]!.GetValue<string>());

    private static decimal Money(JsonNode node, string name) => node[name]!.GetValue<decimal>();
}
