using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Lifecycle;

public sealed record GuardContext(RecordsRequest Request, Actor Actor, DepartmentClock Clock);
