namespace BackOffice.Web.Pages.Status;

/// <summary>What the patient can do now, by lifecycle state.</summary>
public enum NextStep
{
    Wait,
    SendInformation,
    Pay,
    WaitForDelivery,
    Download,
    WaitForPickupCall,
    PickUp,
    Done,
    AskElsewhere,
    Denied,
    Cancelled,
}

/// <summary>
/// The lifecycle's triggers and states in words a patient reads (<c>StatusText.resx</c>: <c>Timeline.X</c>, <c>Headline.X</c>).
/// Only what is listed here is ever shown: internal steps (assignment, page counts, re-evaluation, send-backs, reminders)
/// and every journal comment, name and input stay with staff.
/// </summary>
public static class StatusWording
{
    private static readonly HashSet<string> Shown =
    [
        "Submit", "Hold", "RequestInformation", "InformationReceived", "Verify", "StartFulfillment", "SubmitForReview", "Approve",
        "RecordPayment", "PaidInFull", "WaiveFee", "Mail", "SendSecurely", "PublishToPortal", "Downloaded", "PortalLinkExpired",
        "AwaitPickupCall", "SchedulePickup", "PickedUp", "Complete", "Redirect", "Deny", "ExtendDeadline", "Cancel",
    ];

    private static readonly HashSet<string> Headlines =
    [
        "Received", "NeedsInformation", "Verified", "InFulfillment", "QualityReview", "AwaitingPayment", "ReadyForRelease", "Mailed",
        "SentSecurely", "PublishedToPortal", "AwaitingPickup", "PickupScheduled", "PickedUp", "Completed", "Redirected", "Denied",
        "Cancelled",
    ];

    /// <summary>The resource key of the timeline line for a journal entry, or null for a step the patient does not see.</summary>
    public static string? TimelineKey(string trigger, string toState) => trigger switch
    {
        "Hold" => "Timeline.RequestInformation",
        "Approve" when toState == "AwaitingPayment" => "Timeline.Invoiced",
        _ when Shown.Contains(trigger) => "Timeline." + trigger,
        _ => null,
    };

    /// <summary>The resource key of the headline for a state.</summary>
    public static string HeadlineKey(string state) => state switch
    {
        "PickedUp" => "Headline.Completed",
        _ when Headlines.Contains(state) => "Headline." + state,
        _ => "Headline.Working",
    };

    public static NextStep Next(string state) => state switch
    {
        "NeedsInformation" => NextStep.SendInformation,
        "AwaitingPayment" => NextStep.Pay,
        "ReadyForRelease" => NextStep.WaitForDelivery,
        "PublishedToPortal" => NextStep.Download,
        "AwaitingPickup" => NextStep.WaitForPickupCall,
        "PickupScheduled" => NextStep.PickUp,
        "Mailed" or "SentSecurely" or "PickedUp" or "Completed" => NextStep.Done,
        "Redirected" => NextStep.AskElsewhere,
        "Denied" => NextStep.Denied,
        "Cancelled" => NextStep.Cancelled,
        _ => NextStep.Wait,
    };
}
