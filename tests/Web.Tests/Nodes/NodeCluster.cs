using System.Globalization;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.SecureEmail;
using BackOffice.Web.Tests.Support;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace BackOffice.Web.Tests.Nodes;

/// <summary>
/// Several nodes as README "Running several nodes" describes them, as real processes on loopback: web nodes A and B
/// (each running jobs in-process, the default) and a worker (<c>--worker true</c>), all started at once on one new, empty
/// PostgreSQL database, with a shared files folder, one key made by the app's <c>encryption new-key</c> command, a data
/// directory each, and one SMTP server recording every message they send (taking a moment to accept each, so a message is
/// still being sent when another job for it comes along). Their output is kept in
/// <c>TestResults/artifacts/nodes/</c>.
/// </summary>
public sealed class NodeCluster : IAsyncLifetime
{
    public const string Password = BackOfficeFactory.DemoPassword;

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(150);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "backoffice-nodes", Guid.NewGuid().ToString("N"));
    private bool _disposed;

    public ScratchPostgres Database { get; private set; } = null!;
    public TlsSmtpServer Smtp { get; private set; } = null!;
    public NodeProcess A { get; private set; } = null!;
    public NodeProcess B { get; private set; } = null!;
    public NodeProcess Worker { get; private set; } = null!;
    public IReadOnlyList<NodeProcess> All => [A, B, Worker];

    /// <summary>The folder every node mounts for documents and mailing batches.</summary>
    public string FilesDirectory => Path.Combine(_root, "files");

    /// <summary>Hangfire's storage in the nodes' database, to watch the queues and enqueue jobs as a node would.</summary>
    public JobStorage Jobs { get; private set; } = null!;

    /// <summary>How long starting the nodes took, from the first process start to the last one healthy.</summary>
    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Database = await ScratchPostgres.CreateAsync();
        Directory.CreateDirectory(FilesDirectory);
        // The key lives outside every data directory and the shared folder, as README "Security" asks.
        var keyFile = Path.Combine(_root, "keys", "records.key");
        var (exitCode, output) = await NodeProcess.RunCommandAsync("encryption", "new-key", keyFile);
        exitCode.ShouldBe(0, output);

        Smtp = TlsSmtpServer.PlainTextOnly(answerDelay: TimeSpan.FromMilliseconds(250));
        int portA = NodeProcess.FreePort(), portB = NodeProcess.FreePort(), portWorker = NodeProcess.FreePort();
        var shared = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["BackOffice__Database__Provider"] = "PostgreSql",
            ["BackOffice__Database__ConnectionString"] = NodeConnectionString,
            ["BackOffice__FilesDirectory"] = FilesDirectory,
            ["BackOffice__Encryption__KeyFile"] = keyFile,
            // Plain HTTP on loopback, as behind a TLS-ending proxy (README "Security"); links name node A.
            ["BackOffice__Http__RequireHttps"] = "false",
            ["BackOffice__Site__PublicBaseUrl"] = $"http://127.0.0.1:{portA}",
            ["BackOffice__Demo__Password"] = Password,
            ["BackOffice__Demo__SeedRequests"] = "false",
            // Every form comes from 127.0.0.1, so the per-address upload limit would count the whole run as one visitor.
            ["BackOffice__Documents__UploadsPerAddress"] = "100000",
            ["BackOffice__Documents__UploadBytesPerAddress"] = "100000000000",
            // Idle job servers look for work twice a second, so messages go out while the test waits.
            ["BackOffice__Jobs__PollIntervalSeconds"] = "0.5",
            ["BackOffice__Jobs__MailingBatchAt"] = "",
            ["BackOffice__Smtp__Host"] = "127.0.0.1",
            ["BackOffice__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["BackOffice__Smtp__Security"] = "None",
            ["BackOffice__Smtp__From"] = "Medical Records <records@dmg.example.org>",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled",
        };

        var logs = Artifacts.PathFor("nodes");
        Directory.CreateDirectory(logs);
        var started = DateTime.UtcNow;
        // All at once on the empty database, as a deployment starts them: they take turns at the start-up work.
        A = NodeProcess.Start("A", portA, Settings(shared, "a"), Path.Combine(logs, "a.log"));
        B = NodeProcess.Start("B", portB, Settings(shared, "b"), Path.Combine(logs, "b.log"));
        Worker = NodeProcess.Start("worker", portWorker, Settings(shared, "worker"), Path.Combine(logs, "worker.log"), "--worker", "true");
        await Task.WhenAll(All.Select(node => node.WaitUntilHealthyAsync(StartPatience)));
        StartedIn = DateTime.UtcNow - started;

        var storage = new PostgreSqlStorageOptions { SchemaName = JobsServiceCollectionExtensions.PostgresSchema, PrepareSchemaIfNecessary = false };
        Jobs = new PostgreSqlStorage(new NpgsqlConnectionFactory(NodeConnectionString, storage, null), storage);
    }

    private Dictionary<string, string> Settings(Dictionary<string, string> shared, string dataDirectory) =>
        new(shared) { ["BackOffice__DataDirectory"] = Path.Combine(_root, dataDirectory) };

    // Pooled, as in production, but bounded: three processes share the test server's 100 connections with the rest of the suite.
    private string NodeConnectionString =>
        new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>Runs a query on the nodes' database and reads each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => r.GetInt64(0), parameters)).Single();

    /// <summary>The request's id and version, by its tracking number.</summary>
    public async Task<(Guid Id, int Version, string State)> RequestAsync(string trackingNumber) =>
        (await QueryAsync("""SELECT "Id", "Version", "State" FROM "Requests" WHERE "TrackingNumber" = @tracking""",
            r => (r.GetGuid(0), r.GetInt32(1), r.GetString(2)), ("tracking", trackingNumber))).ShouldHaveSingleItem();

    /// <summary>Errors any node logged so far, but for the migration history read before the first node made the table.</summary>
    public List<string> ErrorsLogged() =>
    [
        .. All.SelectMany(n => n.Lines.Select(l => $"{n.Name}: {l}"))
            .Where(l => l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains(" crit: ", StringComparison.Ordinal))
            .Where(l => !(l.Contains("Failed executing DbCommand", StringComparison.Ordinal) && l.Contains("MigrationsHistory\"", StringComparison.Ordinal))),
    ];

    /// <summary>Every node's output so far, for a failure message.</summary>
    public string Logs() => string.Join("\n\n", All.Where(n => n is not null).Select(n => $"--- node {n.Name} ---\n{n.Tail(40)}"));

    public async Task DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await Task.WhenAll(new[] { A, B, Worker }.Where(n => n is not null).Select(n => n.DisposeAsync().AsTask()));
        Smtp?.Dispose();

        if (Database is not null) await Database.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
