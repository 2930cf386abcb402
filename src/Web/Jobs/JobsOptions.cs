using System.Globalization;

namespace BackOffice.Web.Jobs;

/// <summary>Background jobs (<c>BackOffice:Jobs</c>). Every setting has a default; nothing needs configuring.</summary>
public sealed class JobsOptions
{
    public const string Section = "BackOffice:Jobs";

    /// <summary>Run a Hangfire server (the workers) inside this process. False on web nodes when separate worker
    /// processes do the jobs: the web app then only enqueues.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>This process is a worker: the Hangfire server and <c>/health</c>, no pages and no dashboard. Also set by
    /// the command-line switch <c>--worker true</c>.</summary>
    public bool WorkerOnly { get; set; }

    /// <summary>Seconds between the app answering (its health probe, its first pages) and the jobs starting: the Hangfire
    /// server, the recurring jobs' registration and the outbox pump. A node that restarts with a backlog answers first
    /// (start-up of the server and a backlog's first sends took 0.6 s of the 2-core machine's cold start); the waiting
    /// messages are durable outbox rows and go out a moment later. 0 starts the jobs with the app.</summary>
    public double StartAfterSeconds { get; set; } = 2;

    public TimeSpan StartAfter => TimeSpan.FromSeconds(Math.Max(0, StartAfterSeconds));

    /// <summary>Jobs run at once by one server. They wait on SMTP and the database, not the CPU.</summary>
    public int WorkerCount { get; set; } = 5;

    /// <summary>How often an idle worker looks for new jobs.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>Attempts at one message or document before it becomes an incident.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The pause after the first failed attempt; it doubles after each further one (1, 2, 4, 8 minutes).</summary>
    public double RetryDelaySeconds { get; set; } = 60;

    /// <summary>How long an attempt may take. A claim older than this with no outcome means the worker stopped mid-send:
    /// the message becomes an incident instead of being sent again.</summary>
    public double ClaimLeaseMinutes { get; set; } = 10;

    /// <summary>When the staff digest goes out each day, in the department's time zone (<c>BackOffice:TimeZone</c>).</summary>
    public string DigestAt { get; set; } = "07:00";

    /// <summary>When the daily mailing batch is made on working days (Monday to Friday), department time; empty turns the
    /// automatic batch off (staff then make it from <c>/Staff/Mailing</c>).</summary>
    public string MailingBatchAt { get; set; } = "15:00";

    /// <summary>Rows handled per sweep pass (timers fired, pending messages enqueued).</summary>
    public int SweepBatchSize { get; set; } = 200;

    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(RetryDelaySeconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 16)));

    public TimeOnly? MailingBatchTime() =>
        string.IsNullOrWhiteSpace(MailingBatchAt) ? null
        : TimeOnly.TryParse(MailingBatchAt, CultureInfo.InvariantCulture, out var time) ? time
        : throw new InvalidOperationException($"{Section}:MailingBatchAt must be a time of day such as 15:00, or empty, not \"{MailingBatchAt}\".");

    public TimeOnly DigestTime() =>
        TimeOnly.TryParse(DigestAt, CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new InvalidOperationException($"{Section}:DigestAt must be a time of day such as 07:00, not \"{DigestAt}\".");
}
