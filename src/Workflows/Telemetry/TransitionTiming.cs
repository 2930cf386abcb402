using System.Diagnostics;

namespace BackOffice.Workflows.Telemetry;

/// <summary>One lifecycle run being timed: its span (null when nobody traces) and what it started from.</summary>
public readonly record struct TransitionTiming(Activity? Activity, string Trigger, string? From, long Started)
{
    /// <summary>Ends the run's span and records its duration with where it ended and how.</summary>
    public void End(string to, string outcome) => LifecycleTelemetry.Record(this, to, outcome);
}
