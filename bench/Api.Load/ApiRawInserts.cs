using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BackOffice.Api.Load;

/// <summary>
/// The durable-write limit of this machine for one request accepted through the requester API: every row such a request
/// wrote — the request, its journal lines, its outbox rows (none for an organisation without a webhook: the API's answer
/// is the acknowledgement; the webhook event for one with), its document row
/// (the signed authorization) — copied from one BackOffice stored, with fresh keys, in one transaction each, on a copy of
/// BackOffice's own database (same schema and indexes), WAL with <c>synchronous=FULL</c> as BackOffice runs, one
/// connection, one commit (fsync) per request. The API's own work beyond these rows (reading the body, checks, the
/// rules, the encrypted file) is what the ratio measures.
/// </summary>
public sealed class ApiRawInserts : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sourceId;
    private readonly List<string> _inserts = [];

    public ApiRawInserts(string databaseFile)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            pragmas.ExecuteNonQuery();
        }

        using (var pick = _connection.CreateCommand())
        {
            pick.CommandText = "SELECT Id FROM Requests WHERE Channel = 'Api' AND RequesterOrganisationId IS NOT NULL LIMIT 1";
            _sourceId = (string)(pick.ExecuteScalar() ?? throw new InvalidOperationException("no request stored through the API to copy"));
        }

        RowCounts = [];
        Add("Requests", "Id = @source", new() { ["Id"] = "@id", ["TrackingNumber"] = "@tracking", ["SubmissionKey"] = "@id" });
        Add("Journal", "RequestId = @source", new() { ["Id"] = "NULL", ["RequestId"] = "@id" });
        Add("Outbox", "RequestId = @source", new() { ["Id"] = "lower(hex(randomblob(16)))", ["RequestId"] = "@id" });
        Add("Documents", "RequestId = @source", new() { ["Id"] = "lower(hex(randomblob(16)))", ["RequestId"] = "@id" });
    }

    /// <summary>How many rows of each table one request copies.</summary>
    public Dictionary<string, long> RowCounts { get; }

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
            var tracking = "RAW-" + Guid.NewGuid().ToString("N")[..12];
            foreach (var sql in _inserts)
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("@source", _sourceId);
                command.Parameters.AddWithValue("@id", id);
                command.Parameters.AddWithValue("@tracking", tracking);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        return new LoadResult(latencies.Count, 0, Stopwatch.GetElapsedTime(started), latencies, null);
    }

    private void Add(string table, string where, Dictionary<string, string> replaced)
    {
        var columns = new List<string>();
        using (var info = _connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info({table})";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(1));
        }

        using (var count = _connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
            count.Parameters.AddWithValue("@source", _sourceId);
            RowCounts[table] = (long)count.ExecuteScalar()!;
        }

        var select = columns.Select(c => replaced.TryGetValue(c, out var value) ? value : "\"" + c + "\"");
        _inserts.Add($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) SELECT {string.Join(", ", select)} FROM {table} WHERE {where}");
    }

    public void Dispose() => _connection.Dispose();
}
