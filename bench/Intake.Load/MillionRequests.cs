using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace BackOffice.Intake.Load;

/// <summary>
/// Fills a BackOffice SQLite database to a given number of requests for the memory check: copies of one request
/// BackOffice stored (so every encrypted column still reads), each with a new id and tracking number, closed
/// (Completed, queue priority closed) — a records department's history is almost all closed requests — in transactions
/// of 50,000 rows.
/// </summary>
public static class MillionRequests
{
    public static TimeSpan Seed(string databaseFile, int target)
    {
        var started = Stopwatch.GetTimestamp();
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        var template = (string)Scalar(connection, "SELECT Id FROM Requests ORDER BY CreatedAt DESC LIMIT 1")!;
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(Requests)";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(1));
        }

        var replaced = new Dictionary<string, string>
        {
            ["Id"] = "upper(printf('%s-%s-%s-%s-%s', hex(randomblob(4)), hex(randomblob(2)), hex(randomblob(2)), hex(randomblob(2)), hex(randomblob(6))))",
            ["TrackingNumber"] = "'M' || (@offset + n.i)",
            ["SubmissionKey"] = "NULL",
            ["State"] = "'Completed'",
            ["QueuePriority"] = "2", // closed: the queue's "open" is QueuePriority < 2, so a copy must be closed there too
        };
        var select = string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var value) ? value : "t.\"" + c + "\""));
        var insert = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @batch)
            INSERT INTO Requests ({string.Join(", ", columns.Select(c => "\"" + c + "\""))})
            SELECT {select} FROM n, (SELECT * FROM Requests WHERE Id = @template) t
            """;
        var count = Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM Requests"), System.Globalization.CultureInfo.InvariantCulture);
        while (count < target)
        {
            var batch = Math.Min(50_000, target - count);
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = insert;
            command.Parameters.AddWithValue("@batch", batch);
            command.Parameters.AddWithValue("@offset", count);
            command.Parameters.AddWithValue("@template", template);
            command.ExecuteNonQuery();
            transaction.Commit();
            count += batch;
            Console.Write($"\r  seeded {count:N0} requests");
        }

        Console.WriteLine();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return Stopwatch.GetElapsedTime(started);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
