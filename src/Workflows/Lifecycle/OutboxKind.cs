namespace BackOffice.Workflows.Lifecycle;

public enum OutboxKind
{
    RequesterMessage,
    StaffMessage,
    Document,
}
