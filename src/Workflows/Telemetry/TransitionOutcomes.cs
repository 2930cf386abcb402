namespace BackOffice.Workflows.Telemetry;

/// <summary>The outcome tag of a lifecycle run.</summary>
public static class TransitionOutcomes
{
    public const string Done = "done";
    /// <summary>The trigger is not an action of the state, or a guard said no.</summary>
    public const string Refused = "refused";
    /// <summary>Someone else changed the request first (optimistic concurrency).</summary>
    public const string Conflict = "conflict";
    public const string Failed = "failed";
}
