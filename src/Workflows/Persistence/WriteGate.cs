namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Lets one lifecycle commit at a time into a SQLite database from this process. SQLite has one writer anyway; without
/// the gate, concurrent commits find the database locked and SQLite's busy handler puts each to sleep for 1, 2, 5 … 100
/// ms before trying again, so under load most of a send's time was sleeping while the writer sat idle. Waiting here
/// instead wakes the next commit the moment the previous one ends. PostgreSQL has row locks and needs none of this.
/// </summary>
public sealed class WriteGate(bool serializes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static WriteGate For(DatabaseProvider provider) => new(provider == DatabaseProvider.Sqlite);

    public async Task<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (!serializes) return default;
        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
