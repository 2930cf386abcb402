namespace BackOffice.Workflows.Auditing;

/// <summary>
/// One thing a person did with health data: who, when, what, from where. Written once; the app never
/// updates or deletes an audit row (<see cref="AuditImmutabilityInterceptor"/> refuses it).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    /// <summary>What was done, e.g. "ViewRequest", "DownloadDocument", "Action:Verify", "ExportDisclosures".</summary>
    public string Action { get; private set; } = "";
    public Guid? RequestId { get; private set; }
    /// <summary>What it was done to within the request (a document id, a report), when not the request itself.</summary>
    public string? Subject { get; private set; }
    public string? Outcome { get; private set; }
    public string? IpAddress { get; private set; }

    public static AuditEntry Record(DateTimeOffset at, string userId, string userName, string action, Guid? requestId,
        string? subject, string? outcome, string? ipAddress) => new()
        {
            At = at,
            UserId = Truncate(userId, 64),
            UserName = Truncate(userName, 200),
            Action = Truncate(action, 80),
            RequestId = requestId,
            Subject = subject is null ? null : Truncate(subject, 400),
            Outcome = outcome is null ? null : Truncate(outcome, 1000),
            IpAddress = ipAddress is null ? null : Truncate(ipAddress, 64),
        };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Writes audit rows; the web layer supplies who and from where.</summary>
public interface IAuditTrail
{
    Task RecordAsync(string action, Guid? requestId, string? subject = null, string? outcome = null,
        CancellationToken cancellationToken = default);
}
