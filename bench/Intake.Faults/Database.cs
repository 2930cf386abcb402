using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BackOffice.Intake.Faults;

/// <summary>
/// Reads the app's tables with plain SQL — SQLite read-only, or PostgreSQL — one short connection per question, so the
/// counts are what was committed, whatever the app or its jobs believe. Identifiers are quoted, so the same SQL reads
/// both providers. Only the rows' presence and the outbox's state columns are read (names are stored plain; the
/// encrypted columns are not touched).
/// </summary>
internal sealed class Database(Func<DbConnection> connect)
{
    public static Database Sqlite(string file) =>
        new(() => new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false;Default Timeout=30"));

    // No pool: a connection kept across a database restart would only fail the next question.
    public static Database Postgres(string connectionString) =>
        new(() => new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=10;Command Timeout=30"));

    /// <summary>The tracking number of the request stored for this patient's last name, or null.</summary>
    public async Task<string?> TrackingNumberOfAsync(string lastName)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "TrackingNumber" FROM "Requests" WHERE "Patient_LastName" = @name""";
        var name = command.CreateParameter();
        name.ParameterName = "@name";
        name.Value = lastName;
        command.Parameters.Add(name);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Every request with its journal and outbox row counts.</summary>
    public async Task<List<RequestRow>> RequestsAsync()
    {
        var rows = new List<RequestRow>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r."Id", r."TrackingNumber", r."Patient_LastName", r."SubmissionKey",
                   (SELECT COUNT(*) FROM "Journal" j WHERE j."RequestId" = r."Id"),
                   (SELECT COUNT(*) FROM "Outbox" o WHERE o."RequestId" = r."Id")
            FROM "Requests" r
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new RequestRow(GuidOf(reader.GetValue(0)), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : GuidOf(reader.GetValue(3)),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Journal and outbox rows whose request does not exist (a cascade gone wrong, a half-done write).</summary>
    public async Task<int> OrphanRowsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM "Journal" j WHERE NOT EXISTS (SELECT 1 FROM "Requests" r WHERE r."Id" = j."RequestId"))
                 + (SELECT COUNT(*) FROM "Outbox" o WHERE NOT EXISTS (SELECT 1 FROM "Requests" r WHERE r."Id" = o."RequestId"))
            """;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every outbox row's state.</summary>
    public async Task<List<OutboxRow>> OutboxAsync()
    {
        var rows = new List<OutboxRow>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "RequestId", "Kind", "Type", "ProcessedAt" IS NOT NULL, "Note", "ClaimId" IS NOT NULL,
                   "IncidentAt" IS NOT NULL, "IncidentReason", "Attempts", "DismissedAt" IS NOT NULL, "LastError"
            FROM "Outbox"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(GuidOf(reader.GetValue(0)), GuidOf(reader.GetValue(1)), reader.GetString(2), reader.GetString(3),
                Flag(reader.GetValue(4)), reader.IsDBNull(5) ? null : reader.GetString(5), Flag(reader.GetValue(6)), Flag(reader.GetValue(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8), Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                Flag(reader.GetValue(10)), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return rows;
    }

    /// <summary>
    /// Waits until every outbox row is done or has become an incident for staff (a claim a fault cut off turns into one
    /// after the lease), reading the table every second, at most <paramref name="timeout"/>. Returns the rows then.
    /// </summary>
    public async Task<(List<OutboxRow> Rows, TimeSpan Waited, bool Drained)> WaitForOutboxAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var lastPending = -1;
        while (true)
        {
            var rows = await OutboxAsync();
            var pending = rows.Count(r => r.Pending);
            if (pending == 0) return (rows, Stopwatch.GetElapsedTime(started), true);
            if (Stopwatch.GetElapsedTime(started) > timeout) return (rows, Stopwatch.GetElapsedTime(started), false);
            if (pending != lastPending) Console.WriteLine($"    outbox: {pending} of {rows.Count} rows not done yet ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
            lastPending = pending;
            await Task.Delay(1000);
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = connect();
        await connection.OpenAsync();
        return connection;
    }

    private static Guid GuidOf(object value) => value is Guid guid ? guid : Guid.Parse((string)value, CultureInfo.InvariantCulture);

    private static bool Flag(object value) => Convert.ToBoolean(value, CultureInfo.InvariantCulture);
}

internal sealed record RequestRow(Guid Id, string TrackingNumber, string LastName, Guid? SubmissionKey, int JournalRows, int OutboxRows);

internal sealed record OutboxRow(Guid Id, Guid RequestId, string Kind, string Type, bool Processed, string? Note, bool Claimed,
    bool Incident, string? IncidentReason, int Attempts, bool Dismissed, string? LastError)
{
    /// <summary>Not done and not waiting for staff: a job still has to carry it out.</summary>
    public bool Pending => !Processed && !Incident;

    /// <summary>An e-mail the app says it sent: done, without a note (a note says why nothing was sent), not dismissed.</summary>
    public bool SentMessage => Processed && Note is null && !Dismissed && Kind != "Document";

    public bool OpenIncident => Incident && !Processed;
}
