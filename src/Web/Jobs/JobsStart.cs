namespace BackOffice.Web.Jobs;

/// <summary>
/// The moment a process's jobs begin (<see cref="JobsOptions.StartAfterSeconds"/> after the app has started answering),
/// shared by <see cref="JobsHost"/> and <see cref="OutboxPump"/> so the two start together.
/// </summary>
internal static class JobsStart
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, TimeSpan after, TimeProvider time, CancellationToken cancellationToken)
    {
        if (after <= TimeSpan.Zero) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
        {
            await started.Task;
        }

        await Task.Delay(after, time, cancellationToken);
    }
}
