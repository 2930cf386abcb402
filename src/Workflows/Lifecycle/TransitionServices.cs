using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// What a <see cref="TransitionRun"/> works with, handed to it by the engine: the unit of work's database context, the
/// clock, the transition chooser (roles and guards), the activities, the machine builder, the outbox signal, the write gate and the log.
/// </summary>
internal sealed record TransitionServices(
    BackOfficeDbContext Db,
    DepartmentClock Clock,
    TransitionChooser Chooser,
    ActivityCatalog Activities,
    MachineBuilder Machines,
    IOutboxSignal OutboxSignal,
    WriteGate WriteGate,
    Organisations.WebhookSubscriptions Webhooks,
    ILogger Logger);
