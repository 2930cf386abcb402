namespace BackOffice.Workflows.Queue;

public enum AssigneeFilter
{
    Anyone,
    Me,
    Unassigned,
    User,
}
