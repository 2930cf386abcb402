using System.Globalization;
using System.Security.Cryptography;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Queue.Bench;

/// <summary>
/// A SQLite file with one million requests, made once and kept in the temp folder (seeding takes a minute or two;
/// each benchmark runs in its own process and reuses it). Rows are copies of one request made by the domain, with
/// the queue's columns varied: three years of received dates, most closed, about 4% open across the open states.
/// </summary>
public static class MillionRequests
{
    public const int Count = 1_000_000;
    public static readonly string[] LastNames =
        ["SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ",
         "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON",
         "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS", "ROBINSON", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT",
         "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES", "GREEN", "ADAMS", "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL",
         "MITCHELL", "CARTER", "ROBERTS", "KOWALSKI", "NOWAK", "OKAFOR", "PATEL", "SHAH", "KIM", "PARK", "CHEN", "WANG", "LI"];
    private static readonly string[] FirstNames =
        ["JAMES", "MARY", "ROBERT", "PATRICIA", "JOHN", "JENNIFER", "MICHAEL", "LINDA", "DAVID", "ELIZABETH", "WILLIAM", "BARBARA",
         "RICHARD", "SUSAN", "JOSEPH", "JESSICA", "THOMAS", "SARAH", "MARIA", "KAREN", "ANA", "LUIS", "WEI", "PRIYA", "AHMED"];
    private static readonly string[] OpenStates =
        ["Received", "NeedsInformation", "Verified", "InFulfillment", "QualityReview", "AwaitingPayment", "ReadyForRelease",
         "PublishedToPortal", "AwaitingPickup", "PickupScheduled"];

    public static string File => Path.Combine(Path.GetTempPath(), "backoffice-queue-bench", "queue-1m.db");
    public static string ConnectionString => $"Data Source={File}";

    /// <summary>A fixed key, so every benchmark process reads the file seeded once (a bench key, never a real one).</summary>
    public static FieldEncryption Fields { get; } =
        new(FieldKey.FromSecret(SHA256.HashData("BackOffice queue bench field key"u8)));

    public static SqliteBackOfficeDbContext Open() => new(new DbContextOptionsBuilder<SqliteBackOfficeDbContext>()
        .UseSqlite(ConnectionString).Options, Fields);

    public static void EnsureSeeded()
    {
        if (System.IO.File.Exists(File))
        {
            using var existing = Open();
            // A file seeded before a schema change is made again.
            if (!existing.Database.GetPendingMigrations().Any() && existing.Requests.Count() >= Count) return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        SqliteConnection.ClearAllPools();
        if (System.IO.File.Exists(File)) System.IO.File.Delete(File);
        using (var db = Open())
        {
            db.Database.Migrate();
            db.Requests.Add(Template());
            db.SaveChanges();
        }

        Seed();
    }

    private static RecordsRequest Template()
    {
        var address = new PostalAddress { Line1 = "100 Main St", City = "Downers Grove", State = "IL", PostalCode = "60515" };
        var draft = new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = RequestKind.Access,
            Patient = new PatientDetails { FirstName = "Maria", LastName = "Lopez", DateOfBirth = new DateOnly(1980, 4, 12), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Maria Lopez" },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Maria Lopez", Address = address },
            Information = new RequestedInformation { AllRecords = true },
            Signature = new SignatureDetails { SignerName = "Maria Lopez", SignedOn = new DateOnly(2024, 1, 2), ElectronicSignature = "Maria Lopez" },
        };
        var request = RecordsRequest.Create(draft, new DateOnly(2024, 1, 2));
        request.AddDocument(DocumentKind.PhotoId, "id.jpg", "image/jpeg", 120_000, "k1", new string('0', 64), DateTimeOffset.UtcNow);
        request.AddDocument(DocumentKind.AuthorizationScan, "form.pdf", "application/pdf", 220_000, "k2", new string('1', 64), DateTimeOffset.UtcNow);
        return request;
    }

    /// <summary>INSERT ... SELECT from the template with the varied columns as parameters: one prepared command, large transactions.</summary>
    private static void Seed()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(Requests)";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(1));
        }

        string[] varied = ["Id", "TrackingNumber", "State", "QueuePriority", "ReceivedOn", "DueOn", "ExtendedDueOn", "EffectiveDueOn", "Patient_LastName",
            "Patient_FirstName", "Patient_DateOfBirth", "Patient_DateOfBirthHash", "PatientNameKey", "Channel", "Delivery", "Requester_Type", "AssigneeId"];
        var missing = varied.Except(columns).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("Columns not found: " + string.Join(", ", missing));
        var select = string.Join(", ", columns.Select(c => varied.Contains(c) ? "$" + c : "\"" + c + "\""));
        var templateId = connection.CreateCommand();
        templateId.CommandText = "SELECT Id FROM Requests LIMIT 1";
        var template = (string)templateId.ExecuteScalar()!;

        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO Requests ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) SELECT {select} FROM Requests WHERE Id = $template";
        insert.Parameters.AddWithValue("$template", template);
        var parameters = varied.ToDictionary(c => c, c => insert.Parameters.Add("$" + c, SqliteType.Text));
        insert.Prepare();

        var random = new Random(20261126);
        var today = DateOnly.FromDateTime(DateTime.Today);
        string[] closedStates = ["Completed", "Completed", "Completed", "Completed", "Completed", "Cancelled", "Denied", "Redirected"];
        SqliteTransaction? transaction = null;
        for (var i = 1; i < Count; i++)
        {
            if (i % 50_000 == 1)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }

            var received = today.AddDays(-random.Next(0, 1095));
            var age = today.DayNumber - received.DayNumber;
            var open = age < 40 || random.Next(500) == 0; // recent ones, and a few forgotten ones long overdue
            var state = open ? OpenStates[random.Next(OpenStates.Length)] : closedStates[random.Next(closedStates.Length)];
            var last = LastNames[random.Next(LastNames.Length)] + (random.Next(4) == 0 ? "" : ((char)('A' + random.Next(26))).ToString());
            var first = FirstNames[random.Next(FirstNames.Length)];
            var due = received.AddDays(RecordsRequest.StandardResponseDays);
            parameters["Id"].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
            parameters["TrackingNumber"].Value = TrackingNumber.New();
            parameters["State"].Value = state;
            parameters["QueuePriority"].Value = !open ? 2 : state == "AwaitingPickup" ? 0 : 1;
            parameters["ReceivedOn"].Value = Day(received);
            parameters["DueOn"].Value = Day(due);
            var extended = random.Next(20) == 0;
            parameters["ExtendedDueOn"].Value = extended ? Day(due.AddDays(30)) : DBNull.Value;
            parameters["EffectiveDueOn"].Value = Day(extended ? due.AddDays(30) : due);
            parameters["Patient_LastName"].Value = last;
            parameters["Patient_FirstName"].Value = first;
            // Encrypted as the app stores it, with the keyed hash the date-of-birth search compares.
            var born = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 33_000));
            parameters["Patient_DateOfBirth"].Value = Fields.Protect(FieldEncryption.DateText(born), "patient.date-of-birth");
            parameters["Patient_DateOfBirthHash"].Value = Fields.Hash(born, "date-of-birth");
            parameters["PatientNameKey"].Value = RecordsRequest.NameKey(last, first);
            parameters["Channel"].Value = random.Next(3) == 0 ? "Paper" : "Online";
            parameters["Delivery"].Value = ((DeliveryMethod)random.Next(4)).ToString();
            parameters["Requester_Type"].Value = ((RequesterType)random.Next(6)).ToString();
            parameters["AssigneeId"].Value = random.Next(3) == 0 ? DBNull.Value : "user-" + random.Next(12).ToString(CultureInfo.InvariantCulture);
            insert.ExecuteNonQuery();
        }

        transaction?.Commit();
        // The template itself is closed, so it does not sit on top of the queue as the oldest open request.
        Execute(connection, $"UPDATE Requests SET State = 'Completed', QueuePriority = 2 WHERE Id = '{template}'; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
