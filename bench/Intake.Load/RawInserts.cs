using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BackOffice.Intake.Load;

/// <summary>
/// The durable-write limit of this machine for one accepted request: the three rows an online request writes at
/// least (the request, its journal line, its outbox message; the journal numbers its own rows) copied from a request BackOffice stored, with fresh keys,
/// in one transaction each, on a copy of BackOffice's own database (same schema and indexes), WAL with
/// <c>synchronous=FULL</c> — the settings BackOffice uses — one connection, one commit (fsync) per request.
/// </summary>
public sealed class RawInserts : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sourceId;
    private readonly string _requestInsert;
    private readonly string _journalInsert;
    private readonly string _outboxInsert;

    public RawInserts(string databaseFile)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        using (var pick = _connection.CreateCommand())
        {
            pick.CommandText = "SELECT r.Id FROM Requests r WHERE EXISTS (SELECT 1 FROM Journal j WHERE j.RequestId = r.Id) AND EXISTS (SELECT 1 FROM Outbox o WHERE o.RequestId = r.Id) LIMIT 1";
            _sourceId = (string)(pick.ExecuteScalar() ?? throw new InvalidOperationException("no stored request with journal and outbox rows to copy"));
        }

        _requestInsert = CopyStatement("Requests", "Id = @source", new() { ["Id"] = "@id", ["TrackingNumber"] = "@tracking", ["SubmissionKey"] = "@id" });
        _journalInsert = CopyStatement("Journal", "RequestId = @source ORDER BY Sequence LIMIT 1", new() { ["Id"] = "NULL", ["RequestId"] = "@id" });
        _outboxInsert = CopyStatement("Outbox", "RequestId = @source LIMIT 1", new() { ["Id"] = "@outbox", ["RequestId"] = "@id" });
    }

    public LoadResult Run(TimeSpan duration)
    {
        var latencies = new List<double>();
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var one = Stopwatch.GetTimestamp();
            using var transaction = _connection.BeginTransaction();
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            Insert(_requestInsert, transaction, ("@id", id), ("@tracking", "RAW-" + Guid.NewGuid().ToString("N")[..12]));
            Insert(_journalInsert, transaction, ("@id", id));
            Insert(_outboxInsert, transaction, ("@id", id), ("@outbox", Guid.NewGuid().ToString().ToUpperInvariant()));
            transaction.Commit();
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        return new LoadResult(latencies.Count, 0, Stopwatch.GetElapsedTime(started), latencies, null);
    }

    private void Insert(string sql, SqliteTransaction transaction, params (string Name, string Value)[] values)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@source", _sourceId);
        foreach (var (name, value) in values) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private string CopyStatement(string table, string where, Dictionary<string, string> replaced)
    {
        var columns = new List<string>();
        using (var info = _connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info({table})";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(1));
        }

        var select = columns.Select(c => replaced.TryGetValue(c, out var value) ? value : "\"" + c + "\"");
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) SELECT {string.Join(", ", select)} FROM {table} WHERE {where}";
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
