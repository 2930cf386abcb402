using System.Collections.Concurrent;
using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Pdf.Documents;

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

    public void FailNext(int times) => _failuresToCome = times;

    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
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

public sealed class FakeRequesterComposer : IRequesterMessageComposer
{
    public const string Address = "requester@example.org";

    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();
    /// <summary>Requests whose requester has no e-mail address.</summary>
    public ConcurrentDictionary<Guid, bool> NoAddress { get; } = new();

    public Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, messageType));
        return Task.FromResult(NoAddress.ContainsKey(requestId)
            ? null
            : new ComposedMessage(Address, "Your records request: " + messageType, "Requester text " + messageType, "<p>" + messageType + "</p>"));
    }
}

public sealed class FakeStaffComposer : IStaffMessageComposer
{
    public const string Mailbox = "records-staff@example.org";

    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();
    public ConcurrentQueue<DateOnly> DigestDays { get; } = new();
    public bool NothingDue { get; set; }

    public Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, messageType));
        return Task.FromResult<ComposedMessage?>(new ComposedMessage(Mailbox, "Staff: " + messageType, "Staff text " + messageType, ""));
    }

    public Task<ComposedMessage?> ComposeDigestAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        DigestDays.Enqueue(day);
        return Task.FromResult(NothingDue ? null : new ComposedMessage(Mailbox, $"Requests due by {day.AddDays(5):yyyy-MM-dd}", "Digest", ""));
    }
}

public sealed class FakeDocumentRenderer : IRequestDocumentRenderer
{
    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();

    public static byte[] PdfOf(string documentType) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {documentType}\n%%EOF\n");

    public Task<RenderedDocument> RenderAsync(Guid requestId, string documentType, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, documentType));
        return Task.FromResult(new RenderedDocument(documentType + ".pdf", documentType, PdfOf(documentType)));
    }
}
