using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Workflows.Tests.Support;

public static class Staff
{
    public static readonly Actor Clerk = Actor.Staff("clerk-1", "Casey Clerk", LifecycleRoles.Clerk);
    public static readonly Actor SecondClerk = Actor.Staff("clerk-2", "Robin Reviewer", LifecycleRoles.Clerk);
    public static readonly Actor Supervisor = Actor.Staff("super-1", "Pat Supervisor", LifecycleRoles.Supervisor);
    public static readonly Actor Requester = Actor.Requester("Maria Lopez");
}
