using System.Globalization;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Jobs.Bench;

/// <summary>
/// A SQLite file with one million open requests, each with its request timers, made once and kept in the temp folder.
/// One request is started through the real engine (journal, outbox, its three timers); it is then copied with one
/// prepared INSERT … SELECT, and two of its timers (the day-20 due-date warning and the overdue warning) copied for
/// every copy, with the indexes dropped during the load and built again after. 1 % of the requests were received 21–28
/// days ago, so their day-20 warning is due: about 10,000 due timers among two million.
/// </summary>
internal static class OpenRequests
{
    public const int Count = 1_000_000;
    public const int DueEvery = 100;

    private static readonly string[] OpenStates =
        ["Received", "Verified", "InFulfillment", "QualityReview", "AwaitingPayment", "ReadyForRelease", "AwaitingPickup", "PickupScheduled"];

    public static string File => Path.Combine(Path.GetTempPath(), "backoffice-jobs-bench", "open-1m.db");

    public static async Task EnsureSeededAsync(ServiceProvider services)
    {
        if (System.IO.File.Exists(File) && Counts() is ( >= Count, >= 2 * Count - 1)) return;
        await SeedAsync(services);
    }

    public static (long Requests, long Timers) Counts()
    {
        using var connection = Open();
        return (Scalar(connection, "SELECT COUNT(*) FROM Requests"), Scalar(connection, "SELECT COUNT(*) FROM Timers"));
    }

    public static SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={File}");
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task SeedAsync(ServiceProvider services)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { File, File + "-wal", File + "-shm" }) System.IO.File.Delete(stale);
        Guid template;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var engine = scope.ServiceProvider.GetRequiredService<LifecycleEngine>();
            var today = scope.ServiceProvider.GetRequiredService<DepartmentClock>().Today;
            template = (await engine.StartAsync(Draft(), today, Actor.Staff("bench", "Bench", LifecycleRoles.Clerk))).Id;
        }

        SqliteConnection.ClearAllPools();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var indexes = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Requests', 'Timers') AND sql IS NOT NULL";
            using var reader = list.ExecuteReader();
            while (reader.Read()) indexes.Add(reader.GetString(1));
        }

        foreach (var create in indexes) Execute(connection, "DROP INDEX " + create.Split(' ')[create.StartsWith("CREATE UNIQUE", StringComparison.Ordinal) ? 3 : 2]);
        SeedRequestsAndTimers(connection, template);
        foreach (var create in indexes) Execute(connection, create);
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static void SeedRequestsAndTimers(SqliteConnection connection, Guid template)
    {
        var templateId = template.ToString().ToUpperInvariant();
        var columns = Columns(connection, "Requests");
        string[] varied = ["Id", "TrackingNumber", "State", "QueuePriority", "ReceivedOn", "DueOn"];
        using var request = connection.CreateCommand();
        request.CommandText = $"INSERT INTO Requests ({Quoted(columns)}) SELECT {string.Join(", ", columns.Select(c => varied.Contains(c) ? "$" + c : "\"" + c + "\""))} FROM Requests WHERE Id = $template";
        request.Parameters.AddWithValue("$template", templateId);
        var r = varied.ToDictionary(c => c, c => request.Parameters.Add("$" + c, SqliteType.Text));

        var timerColumns = Columns(connection, "Timers");
        string[] timerVaried = ["Id", "RequestId", "DueAt"];
        SqliteCommand TimerCopy(string name)
        {
            // Found by its primary key: the other indexes are dropped during the load.
            using var find = connection.CreateCommand();
            find.CommandText = $"SELECT Id FROM Timers WHERE RequestId = '{templateId}' AND Name = '{name}'";
            var timerId = (string)find.ExecuteScalar()!;
            var copy = connection.CreateCommand();
            copy.CommandText = $"INSERT INTO Timers ({Quoted(timerColumns)}) SELECT {string.Join(", ", timerColumns.Select(c => timerVaried.Contains(c) ? "$" + c : "\"" + c + "\""))} FROM Timers WHERE Id = $template";
            copy.Parameters.AddWithValue("$template", timerId);
            foreach (var c in timerVaried) copy.Parameters.Add("$" + c, c == "DueAt" ? SqliteType.Integer : SqliteType.Text);
            return copy;
        }

        using var warning = TimerCopy("DueWarningDay20");
        using var overdue = TimerCopy("Overdue");
        var binary = new DateTimeOffsetToBinaryConverter();
        var clock = new DepartmentClock(TimeProvider.System, "America/Chicago");
        var today = clock.DayOf(BenchServices.Now);
        var random = new Random(20260601);
        SqliteTransaction? transaction = null;
        for (var i = 1; i < Count; i++)
        {
            if (i % 50_000 == 1)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                request.Transaction = warning.Transaction = overdue.Transaction = transaction;
                Console.Error.Write($"\rseeding {i:N0} / {Count:N0}");
            }

            var received = today.AddDays(i % DueEvery == 0 ? -random.Next(21, 29) : -random.Next(0, 20));
            var due = received.AddDays(RecordsRequest.StandardResponseDays);
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            var state = OpenStates[random.Next(OpenStates.Length)];
            r["Id"].Value = id;
            r["TrackingNumber"].Value = TrackingNumber.New();
            r["State"].Value = state;
            r["QueuePriority"].Value = state == "AwaitingPickup" ? 0 : 1;
            r["ReceivedOn"].Value = Day(received);
            r["DueOn"].Value = Day(due);
            request.ExecuteNonQuery();
            foreach (var (copy, dueAt) in new[] { (warning, clock.StartOf(received.AddDays(20))), (overdue, clock.StartOf(due.AddDays(1))) })
            {
                copy.Parameters["$Id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                copy.Parameters["$RequestId"].Value = id;
                copy.Parameters["$DueAt"].Value = binary.ConvertToProvider(dueAt);
                copy.ExecuteNonQuery();
            }
        }

        transaction?.Commit();
        Console.Error.WriteLine();
    }

    private static RecordsRequestDraft Draft()
    {
        var address = new PostalAddress { Line1 = "100 Main St", City = "Downers Grove", State = "IL", PostalCode = "60515" };
        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = RequestKind.Access,
            Patient = new PatientDetails { FirstName = "Maria", LastName = "Lopez", DateOfBirth = new DateOnly(1980, 4, 12), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Maria Lopez" },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Address = address },
            Information = new RequestedInformation { AllRecords = true },
            Signature = new SignatureDetails { SignerName = "Maria Lopez", SignedOn = new DateOnly(2026, 5, 30), ElectronicSignature = "Maria Lopez" },
        };
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        using var info = connection.CreateCommand();
        info.CommandText = $"PRAGMA table_info({table})";
        using var reader = info.ExecuteReader();
        while (reader.Read()) columns.Add(reader.GetString(1));
        return columns;
    }

    private static string Quoted(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "\"" + c + "\""));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
