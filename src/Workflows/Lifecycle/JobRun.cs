namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// A run of a job that must happen once per period (the staff digest of one day), claimed by inserting its key: a
/// second run of the same job finds the key and does nothing. A run that started and never finished is not repeated.
/// </summary>
public sealed class JobRun
{
    private JobRun() { }

    public string Key { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Outcome { get; private set; }

    public static JobRun Start(string key, DateTimeOffset at) => new() { Key = key, StartedAt = at };

    public void Finish(DateTimeOffset at, string outcome)
    {
        FinishedAt = at;
        Outcome = outcome.Length <= 500 ? outcome : outcome[..500];
    }
}
