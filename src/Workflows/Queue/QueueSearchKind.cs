namespace BackOffice.Workflows.Queue;

public enum QueueSearchKind
{
    TrackingNumber,
    DateOfBirth,
    NamePrefix,
}
