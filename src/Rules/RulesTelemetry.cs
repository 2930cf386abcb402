using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BackOffice.Rules;

/// <summary>
/// Traces and metrics of rule evaluations (fee or release rules; the rule-set version; how long; errors), in the .NET
/// diagnostics types the web host's OpenTelemetry set-up listens to. The facts evaluated are never recorded.
/// </summary>
public static class RulesTelemetry
{
    public const string Name = "BackOffice.Rules";
    public const string Fees = "fees";
    public const string Release = "release";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram<double>(
        "backoffice.rules.evaluation.duration", "s", "Time one evaluation of the fee or release rules took.");

    internal static Evaluation Begin(string rules, int version)
    {
        var activity = Source.StartActivity("rules " + rules);
        activity?.SetTag("backoffice.rules.kind", rules);
        activity?.SetTag("backoffice.rules.version", version);
        return new Evaluation(activity, rules, version, Stopwatch.GetTimestamp());
    }

    /// <summary>One evaluation being timed.</summary>
    internal readonly record struct Evaluation(Activity? Activity, string Rules, int Version, long Started)
    {
        public void End(int errors)
        {
            if (EvaluationDuration.Enabled)
            {
                EvaluationDuration.Record(Stopwatch.GetElapsedTime(Started).TotalSeconds,
                    new KeyValuePair<string, object?>("backoffice.rules.kind", Rules),
                    new KeyValuePair<string, object?>("backoffice.rules.version", Version),
                    new KeyValuePair<string, object?>("backoffice.rules.outcome", errors == 0 ? "ok" : "error"));
            }

            if (Activity is { } activity)
            {
                activity.SetTag("backoffice.rules.errors", errors);
                if (errors > 0) activity.SetStatus(ActivityStatusCode.Error, "rule errors");
                activity.Dispose();
            }
        }
    }
}
