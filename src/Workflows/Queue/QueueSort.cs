namespace BackOffice.Workflows.Queue;

public enum QueueSort
{
    /// <summary>Urgent first (pickup calls), then the earliest due date: the order work should be done in.</summary>
    Due,
    /// <summary>Newest received first.</summary>
    Received,
    TrackingNumber,
}
