using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BackOffice.Workflows.Telemetry;

/// <summary>
/// Traces and metrics of the lifecycle engine, in the .NET diagnostics types (no OpenTelemetry reference here): the web
/// host's OpenTelemetry set-up listens to every <c>BackOffice.*</c> source and meter. Nothing is recorded while nobody
/// listens. Tags carry names of states and triggers, the channel and the outcome — never anything about the patient.
/// </summary>
public static class LifecycleTelemetry
{
    public const string Name = "BackOffice.Lifecycle";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> TransitionDuration = Meter.CreateHistogram<double>(
        "backoffice.lifecycle.transition.duration", "s", "Time one lifecycle run took, from its first activity to its commit.");

    private static readonly Counter<long> RequestsReceived = Meter.CreateCounter<long>(
        "backoffice.requests.received", "{request}", "Requests that entered the lifecycle, by channel.");

    private static readonly Counter<long> TimersHandled = Meter.CreateCounter<long>(
        "backoffice.timers.handled", "{timer}", "Due lifecycle timers the sweep handled, by outcome (fired, stale, refused).");

    private static readonly Histogram<int> GroupCommitSize = Meter.CreateHistogram<int>(
        "backoffice.db.group_commit.size", "{commit}", "SQLite: commits that shared one transaction and one disk flush (WriteGate).");

    /// <summary>A group commit reached the disk with <paramref name="members"/> commits in it.</summary>
    public static void GroupCommitted(int members) => GroupCommitSize.Record(members);

    /// <summary>Starts the span of one lifecycle run (a start, a trigger fired, or a timer's activity).</summary>
    public static TransitionTiming Begin(string trigger, string? from, string definition)
    {
        var activity = Source.StartActivity("lifecycle " + trigger);
        activity?.SetTag("backoffice.lifecycle.trigger", trigger);
        activity?.SetTag("backoffice.lifecycle.from", from ?? "");
        activity?.SetTag("backoffice.lifecycle.definition", definition);
        return new TransitionTiming(activity, trigger, from, Stopwatch.GetTimestamp());
    }

    internal static void Record(TransitionTiming timing, string to, string outcome)
    {
        var elapsed = Stopwatch.GetElapsedTime(timing.Started).TotalSeconds;
        if (TransitionDuration.Enabled)
        {
            TransitionDuration.Record(elapsed,
                new KeyValuePair<string, object?>("backoffice.lifecycle.trigger", timing.Trigger),
                new KeyValuePair<string, object?>("backoffice.lifecycle.from", timing.From ?? ""),
                new KeyValuePair<string, object?>("backoffice.lifecycle.to", to),
                new KeyValuePair<string, object?>("backoffice.lifecycle.outcome", outcome));
        }

        if (timing.Activity is { } activity)
        {
            activity.SetTag("backoffice.lifecycle.to", to);
            activity.SetTag("backoffice.lifecycle.outcome", outcome);
            if (outcome is not TransitionOutcomes.Done) activity.SetStatus(ActivityStatusCode.Error, outcome);
            activity.Dispose();
        }
    }

    public static void TimerHandled(string outcome) =>
        TimersHandled.Add(1, new KeyValuePair<string, object?>("backoffice.timer.outcome", outcome));

    /// <summary>Counts a request that entered the lifecycle (after its commit).</summary>
    public static void Received(string channel) =>
        RequestsReceived.Add(1, new KeyValuePair<string, object?>("backoffice.request.channel", channel));
}
