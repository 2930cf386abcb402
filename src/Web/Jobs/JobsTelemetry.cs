using System.Diagnostics;
using System.Diagnostics.Metrics;
using OutboxMessage = BackOffice.Workflows.Lifecycle.OutboxMessage;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Traces and metrics of the jobs: each outbox dispatch (kind, type, attempt, outcome), incidents. Tags are
/// the kinds and template names of messages and documents — never an address or what a message says.
/// </summary>
public static class JobsTelemetry
{
    public const string Name = "BackOffice.Jobs";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Dispatches = Meter.CreateCounter<long>(
        "backoffice.outbox.dispatches", "{attempt}", "Outbox dispatch attempts by outcome (sent, skipped, failed, incident, claimed elsewhere).");

    private static readonly Histogram<long> AttemptsUsed = Meter.CreateHistogram<long>(
        "backoffice.outbox.attempts", "{attempt}", "The attempt number an outbox row was settled (sent, skipped or given up) at.");

    private static readonly Counter<long> Incidents = Meter.CreateCounter<long>(
        "backoffice.outbox.incidents", "{incident}", "Outbox rows that became incidents for staff, by why.");

    public static class Outcomes
    {
        public const string Sent = "sent";
        public const string Skipped = "skipped";
        public const string Failed = "failed";
        public const string Incident = "incident";
        public const string ClaimedElsewhere = "claimed_elsewhere";
    }

    public static Activity? StartDispatch(Guid outboxMessageId) =>
        Source.StartActivity("outbox dispatch")?.SetTag("backoffice.outbox.id", outboxMessageId.ToString());

    /// <summary>Records how one dispatch attempt ended, on its span and in the counters.</summary>
    public static void Dispatched(Activity? activity, OutboxMessage? message, string outcome)
    {
        var kind = message?.Kind.ToString() ?? "";
        var type = message?.Type ?? "";
        Dispatches.Add(1, new("backoffice.outbox.kind", kind), new("backoffice.outbox.type", type), new("backoffice.outbox.outcome", outcome));
        if (message is not null && outcome is Outcomes.Sent or Outcomes.Skipped or Outcomes.Incident)
            AttemptsUsed.Record(message.Attempts, new KeyValuePair<string, object?>("backoffice.outbox.kind", kind),
                new KeyValuePair<string, object?>("backoffice.outbox.outcome", outcome));
        if (outcome == Outcomes.Incident) Incident(message!, "failed");
        if (activity is null) return;
        activity.SetTag("backoffice.outbox.kind", kind);
        activity.SetTag("backoffice.outbox.type", type);
        activity.SetTag("backoffice.outbox.attempt", message?.Attempts);
        activity.SetTag("backoffice.outbox.outcome", outcome);
        if (outcome is Outcomes.Failed or Outcomes.Incident) activity.SetStatus(ActivityStatusCode.Error, outcome);
    }

    /// <summary>A row became an incident: failed every attempt, or a claim that never reported back (lease ran out).</summary>
    public static void Incident(OutboxMessage message, string why)
    {
        ArgumentNullException.ThrowIfNull(message);
        Incidents.Add(1, new KeyValuePair<string, object?>("backoffice.outbox.kind", message.Kind.ToString()),
            new KeyValuePair<string, object?>("backoffice.outbox.reason", why));
    }
}
