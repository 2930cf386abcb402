using System.Collections.Concurrent;
using System.Diagnostics;

namespace BackOffice.Intake.Faults;

/// <summary>
/// People filling in the online request, <c>clients</c> at a time, each with fresh cookies, one form after another,
/// until told to stop. Every form ends in one of two lists: confirmed (the done page showed its tracking number) or
/// interrupted (a call failed: the app was killed, the database was down), kept with its cookies and the step it had
/// reached so it can be taken up again. A form is "in its final send" from the review's POST until the done page was
/// read. Each failed call is kept with its status and body, labelled with the phase it happened in.
/// </summary>
internal sealed class Traffic(int clients)
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<PreparedForm, byte> _sending = new();
    private readonly ConcurrentQueue<InterruptedForm> _interrupted = new();
    private readonly ConcurrentQueue<FailedCall> _failures = new();
    private readonly ConcurrentDictionary<string, string> _confirmed = new(StringComparer.Ordinal);
    private volatile OnlineRequestClient? _client;
    private volatile bool _stop;
    private Task[] _workers = [];

    private volatile string _phase = "load";

    /// <summary>The label failures are recorded under ("load", "outage", ...).</summary>
    public string Phase { get => _phase; set => _phase = value; }

    /// <summary>Forms whose final send (or the done page after it) is under way now.</summary>
    public int Sending => _sending.Count;

    /// <summary>Last name of each confirmed form and the tracking number its done page showed.</summary>
    public IReadOnlyDictionary<string, string> Confirmed => _confirmed;

    public IReadOnlyCollection<FailedCall> Failures => _failures;

    /// <summary>Starts the people, against the app <paramref name="client"/> talks to.</summary>
    public void Start(OnlineRequestClient client)
    {
        if (_workers.Any(w => !w.IsCompleted)) throw new InvalidOperationException("already running");
        _client = client;
        _stop = false;
        _workers = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(WorkAsync))];
    }

    /// <summary>No new form is started; forms under way go on (and fail, if the app is gone).</summary>
    public void RequestStop() => _stop = true;

    /// <summary>Stops and waits for every form under way to end, at most <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _stop = true;
        await Task.WhenAll(_workers).WaitAsync(timeout);
    }

    /// <summary>Waits until at least <paramref name="count"/> forms are in their final send; false after the timeout.</summary>
    public async Task<bool> WaitSendingAsync(int count, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Sending < count)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout) return false;
            await Task.Delay(2);
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> (the fault) the moment at least <paramref name="count"/> forms are in their final
    /// send, or after the timeout (then the task's result is false). Watched from a thread of its own, not the thread
    /// pool, which the people keep busy: a fault meant to land mid-send must not wait its turn.
    /// </summary>
    public Task<bool> WhenSending(int count, TimeSpan timeout, Action action)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = new Thread(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var caught = true;
            while (Sending < count)
            {
                if (Stopwatch.GetElapsedTime(started) > timeout) { caught = false; break; }
                Thread.Sleep(1);
            }

            try
            {
                action();
                done.SetResult(caught);
            }
#pragma warning disable CA1031 // handed to the awaiting scenario
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        }) { IsBackground = true, Priority = ThreadPriority.Highest, Name = "fault" };
        watcher.Start();
        return done.Task;
    }

    /// <summary>Waits until at least <paramref name="count"/> forms are confirmed in all; false after the timeout.</summary>
    public async Task<bool> WaitConfirmedAsync(int count, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (_confirmed.Count < count)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout) return false;
            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>The forms interrupted so far, taken off the list.</summary>
    public List<InterruptedForm> TakeInterrupted()
    {
        var taken = new List<InterruptedForm>();
        while (_interrupted.TryDequeue(out var form)) taken.Add(form);
        return taken;
    }

    /// <summary>
    /// Takes up each interrupted form again with its own cookies, against the app <paramref name="client"/> talks to
    /// now: the steps not answered yet, then the send, then the done page. <paramref name="storedTrackingNumber"/> says
    /// beforehand whether the database already holds the form's request (its send reached the commit before the fault).
    /// </summary>
    public async Task<List<Recovery>> ResumeAsync(OnlineRequestClient client, IReadOnlyList<InterruptedForm> forms,
        Func<string, Task<string?>> storedTrackingNumber)
    {
        ArgumentNullException.ThrowIfNull(client);
        var recoveries = new ConcurrentBag<Recovery>();
        await Parallel.ForEachAsync(forms, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (interrupted, _) =>
        {
            var form = interrupted.Form;
            var before = await storedTrackingNumber(form.LastName);
            try
            {
                if (form.ReviewToken is null) await client.PrepareAsync(form, CancellationToken.None);
                await client.SendAsync(form, CancellationToken.None);
                var trackingNumber = await client.DoneAsync(form, CancellationToken.None);
                _confirmed[form.LastName] = trackingNumber;
                recoveries.Add(new Recovery(interrupted, before, trackingNumber, null));
            }
            catch (Exception ex) when (ex is HttpRequestException or LoadFailureException or TaskCanceledException)
            {
                recoveries.Add(new Recovery(interrupted, before, null, FailedCall.From("resume", ex, interrupted.InFinalSend)));
            }
        });
        return [.. recoveries];
    }

    private async Task WorkAsync()
    {
        while (!_stop)
        {
            var client = _client!;
            var form = PreparedForm.New();
            var inFinalSend = false;
            try
            {
                // Not cancelled from here: a form under way at a fault ends as a browser's would, by the fault.
                await client.PrepareAsync(form, CancellationToken.None);
                inFinalSend = true;
                _sending.TryAdd(form, 0);
                await client.SendAsync(form, CancellationToken.None);
                _confirmed[form.LastName] = await client.DoneAsync(form, CancellationToken.None);
            }
            catch (Exception ex) when (ex is HttpRequestException or LoadFailureException or TaskCanceledException)
            {
                _failures.Enqueue(FailedCall.From(Phase, ex, inFinalSend));
                _interrupted.Enqueue(new InterruptedForm(form, inFinalSend, Phase));
                await Task.Delay(PauseAfterFailure);
            }
            finally
            {
                _sending.TryRemove(form, out _);
            }
        }
    }
}

/// <summary>A form a fault interrupted: in its final send, or part-way through the steps.</summary>
internal sealed record InterruptedForm(PreparedForm Form, bool InFinalSend, string Phase);

/// <summary>An interrupted form taken up again: the tracking number the database held before (if any) and the one
/// its done page showed, or the failure.</summary>
internal sealed record Recovery(InterruptedForm Interrupted, string? StoredBefore, string? TrackingNumber, FailedCall? Failure)
{
    public bool Succeeded => Failure is null && TrackingNumber is not null && (StoredBefore is null || StoredBefore == TrackingNumber);
}

/// <summary>A call that failed: no answer at all (<see cref="StatusCode"/> null), or an answer that was not the next step.</summary>
internal sealed record FailedCall(string Phase, string Message, int? StatusCode, string? Body, bool InFinalSend)
{
    public static FailedCall From(string phase, Exception error, bool inFinalSend) => error is LoadFailureException failure
        ? new FailedCall(phase, failure.Message, failure.StatusCode, failure.Body, inFinalSend)
        : new FailedCall(phase, $"{error.GetType().Name}: {error.Message}", null, null, inFinalSend);
}
