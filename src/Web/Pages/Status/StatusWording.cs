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
/// The lifecycle's triggers and states in words a patient reads. Only what is listed here is ever shown:
/// internal steps (assignment, page counts, re-evaluation, send-backs, reminders) and every journal comment,
/// name and input stay with staff.
/// </summary>
public static class StatusWording
{
    /// <summary>One timeline line for a journal entry, or null for a step the patient does not see.</summary>
    public static string? Describe(string trigger, string toState) => trigger switch
    {
        "Submit" => "We received the request",
        "Hold" or "RequestInformation" => "We asked you for more information",
        "InformationReceived" => "We received the information we asked for",
        "Verify" => "We checked the request and the identity of the person asking",
        "StartFulfillment" => "We started gathering the records",
        "SubmitForReview" => "The records were gathered; a second person is checking them",
        "Approve" when toState == "AwaitingPayment" => "Invoice issued",
        "Approve" => "The records were checked and approved for release",
        "RecordPayment" => "Payment received",
        "PaidInFull" => "Paid in full",
        "WaiveFee" => "The fee was waived",
        "Mail" => "The records were mailed",
        "SendSecurely" => "The records were sent by secure e-mail",
        "PublishToPortal" => "The records were put on the secure download page; we e-mailed you the link",
        "Downloaded" => "The records were downloaded",
        "PortalLinkExpired" => "The download link expired before the records were downloaded",
        "AwaitPickupCall" => "The records are ready; we will call to arrange the pickup",
        "SchedulePickup" => "Pickup arranged",
        "PickedUp" => "The records were picked up",
        "Complete" => "Request completed",
        "Redirect" => "We cannot release these records here; we told you where to ask",
        "Deny" => "The request was denied; we sent a letter explaining why",
        "ExtendDeadline" => "We extended the due date",
        "Cancel" => "The request was cancelled",
        _ => null,
    };

    public static string Headline(string state) => state switch
    {
        "Received" => "We have received the request",
        "NeedsInformation" => "We need more information from you",
        "Verified" => "We have checked the request",
        "InFulfillment" => "We are gathering the records",
        "QualityReview" => "We are checking the records before they are released",
        "AwaitingPayment" => "Payment is due",
        "ReadyForRelease" => "The records are ready to be sent",
        "Mailed" => "The records were mailed",
        "SentSecurely" => "The records were sent by secure e-mail",
        "PublishedToPortal" => "The records are ready to download",
        "AwaitingPickup" => "We will call you to arrange the pickup",
        "PickupScheduled" => "The pickup is arranged",
        "PickedUp" or "Completed" => "The request is complete",
        "Redirected" => "These records are not released here",
        "Denied" => "The request was denied",
        "Cancelled" => "The request was cancelled",
        _ => "We are working on the request",
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
