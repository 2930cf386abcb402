using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// A message states the facts of its event (<see cref="MessageFacts"/>), but some events are overtaken before the job
/// runs: a payment reminder for a request paid meanwhile, "information needed" once it arrived, a pickup call for
/// records already collected. Those are skipped with the reason recorded on the outbox row, never sent wrong.
/// </summary>
public static class MessageRelevance
{
    private const string Cancelled = "Cancelled";

    /// <summary>Why the message is no longer worth sending, or null to send it.</summary>
    public static string? SkipReason(OutboxKind kind, string type, RecordsRequest now)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(now);
        return kind switch
        {
            OutboxKind.RequesterMessage => ForRequester(type, now),
            OutboxKind.StaffMessage => ForStaff(type, now),
            _ => null,
        };
    }

    private static string? ForRequester(string type, RecordsRequest now)
    {
        var cancelledSince = now.State == Cancelled
            && type is "NeedsInformation" or "MissingInformationReminder" or "InvoiceIssued" or "PaymentReminder" or "DeadlineExtended"
                or "ReadyForPickup" or "PickupScheduled";
        if (cancelledSince) return "The request was cancelled before this message went; not sent.";
        return type switch
        {
            "PaymentReminder" when now.BalanceDue == 0m => "Paid or waived since the reminder was due; not sent.",
            "PaymentReminder" when now.ClosedAt is not null => "The request is closed; the reminder was not sent.",
            "NeedsInformation" or "MissingInformationReminder" when now.State != "NeedsInformation" =>
                "The missing information arrived (or the request moved on) before this message went; not sent.",
            "ReadyForPickup" when now.State is not ("AwaitingPickup" or "PickupScheduled") =>
                "The records were picked up (or the request moved on) before this message went; not sent.",
            _ => null,
        };
    }

    private static string? ForStaff(string type, RecordsRequest now) => type switch
    {
        "DueWarning" or "Overdue" when now.ClosedAt is not null => "The request closed before this warning went; not sent.",
        "PickupCallNeeded" or "PickupFollowUp" when now.State != "AwaitingPickup" =>
            "The pickup was scheduled (or the request moved on) before this message went; not sent.",
        _ => null,
    };
}
