using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Jobs;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>
/// The app with a movable clock and fakes for the message composers, the document renderer and the e-mail sender.
/// No Hangfire server runs (the factory's default): tests call the jobs the way a worker would, through
/// <see cref="RunAsync{TJob, TResult}"/> and <see cref="DispatchAsync"/>.
/// </summary>
public sealed class JobsApp : IAsyncDisposable
{
    public JobsApp(IDictionary<string, string?>? settings = null)
    {
        Factory = new BackOfficeFactory(settings) { ConfigureServices = Register };
    }

    /// <summary>Starts on a whole second: SQLite keeps instants to 0.1 ms, so comparisons with stored times stay exact.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    public FakeEmailSender Mail { get; } = new();
    public FakeRequesterComposer Requester { get; } = new();
    public FakeStaffComposer Staff { get; } = new();
    public FakeDocumentRenderer Renderer { get; } = new();
    /// <summary>Makes the database unreachable for a moment when a test says so.</summary>
    public DatabaseOutage Outage { get; } = new();
    /// <summary>The app's SaveChanges calls so far.</summary>
    public SaveCounter Commits { get; } = new();
    public CommandLog Commands { get; } = new();
    public BackOfficeFactory Factory { get; }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IEmailSender>(Mail);
        services.AddSingleton<IRequesterMessageComposer>(Requester);
        services.AddSingleton<IStaffMessageComposer>(Staff);
        services.AddSingleton<IRequestDocumentRenderer>(Renderer);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Outage);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commits);
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commands);
    }

    public Task<RecordsRequest> StartAsync() => Factory.StartAsync(RequestScenarios.PatientDraft());

    public async Task<TResult> RunAsync<TJob, TResult>(Func<TJob, Task<TResult>> job) where TJob : notnull
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await job(scope.ServiceProvider.GetRequiredService<TJob>());
    }

    public async Task DispatchAsync(Guid outboxMessageId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(outboxMessageId);
    }

    public async Task DispatchBatchAsync(IReadOnlyList<Guid> outboxMessageIds)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(outboxMessageIds);
    }

    public Task<OutboxMessage> RowAsync(Guid requestId, string type) =>
        Factory.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.RequestId == requestId && o.Type == type));

    public Task<OutboxMessage> RowAsync(Guid outboxMessageId) =>
        Factory.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == outboxMessageId));

    /// <summary>The arguments of every dispatch job waiting in Hangfire's queue.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> EnqueuedDispatches()
    {
        var monitoring = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return monitoring.EnqueuedJobs("default", 0, 1000)
            .Select(j => j.Value.Job)
            .Where(j => j is not null && j.Type == typeof(OutboxDispatcher))
            .Select(j => (IReadOnlyList<object?>)j!.Args.ToList())
            .ToList();
    }

    /// <summary>Makes the message fail until it becomes an incident (with MaxAttempts 1: after one attempt).</summary>
    public async Task<OutboxMessage> IncidentAsync(Guid outboxMessageId)
    {
        Mail.Down = true;
        for (var attempt = 0; attempt < 10 && !(await RowAsync(outboxMessageId)).HasOpenIncident; attempt++)
        {
            Time.Advance(TimeSpan.FromHours(1));
            await DispatchAsync(outboxMessageId);
        }

        Mail.Down = false;
        var row = await RowAsync(outboxMessageId);
        row.HasOpenIncident.ShouldBeTrue();
        return row;
    }
}
