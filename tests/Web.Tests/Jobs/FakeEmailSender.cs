using System.Collections.Concurrent;
using BackOffice.Web.EmailTransport;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>Records what would have gone out; can fail like an SMTP server that is down, or stop mid-send.</summary>
public sealed class FakeEmailSender : IEmailSender
{
    private int _failuresToCome;

    public ConcurrentQueue<OutgoingEmail> Sent { get; } = new();
    /// <summary>Every send throws, as when the SMTP server refuses connections.</summary>
    public bool Down { get; set; }
    /// <summary>The next send hands the message over and then the worker stops (the job is cancelled) before it can
    /// record that it did: nobody knows the message went.</summary>
    public bool StopMidSend { get; set; }

    /// <summary>Runs at the start of each send (e.g. to take the database away while the message is handed over).</summary>
    public Action? DuringSend { get; set; }

    public void FailNext(int times) => _failuresToCome = times;

    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        DuringSend?.Invoke();
        if (StopMidSend)
        {
            StopMidSend = false;
            Sent.Enqueue(email);
            throw new OperationCanceledException("The worker stopped in the middle of the send.");
        }

        if (Down || Interlocked.Decrement(ref _failuresToCome) >= 0)
            throw new IOException("Connection refused by smtp.example.org:587");
        Sent.Enqueue(email);
        return Task.CompletedTask;
    }
}
