using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace BackOffice.Intake.Faults;

/// <summary>
/// A PostgreSQL server of this run's own: <c>initdb</c> into the work folder, listening on a free loopback port only,
/// started, stopped and started again with <c>pg_ctl</c> (as the <c>postgres</c> user when run as root, as the server
/// refuses to run as root). Its own, so that restarting it disturbs nobody else's database on this machine (the
/// machine's <c>main</c> cluster serves the tests of other work); removed at the end. Uses the newest server installed
/// under <c>/usr/lib/postgresql</c> (Debian's <c>postgresql</c> package).
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string User = "backoffice";
    private readonly string _folder;
    private readonly string _data;
    private readonly string _bin;

    private PostgresCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _data = Path.Combine(folder, "data");
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Password={User};Database={database}";

    public static async Task<PostgresCluster> CreateAsync(string folder)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)");
        var cluster = new PostgresCluster(folder, bin, FaultSetup.FreePort());
        Directory.CreateDirectory(folder);
        if (IsRoot) FaultSetup.Run("chown", "postgres:postgres", folder);
        cluster.PgTool("initdb", "-D", cluster._data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(cluster._data, "postgresql.conf"), $"""

            # Intake.Faults: loopback only, on a port of its own; the socket in the work folder.
            port = {cluster.Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{folder}'
            max_connections = 200
            """);
        cluster.Start();
        return cluster;
    }

    /// <summary>Stops the server at once (a run being aborted), without waiting.</summary>
    public void StopNow() => PgCtl("stop", "-m", "immediate");

    public void Start() => PgCtl("start", "-l", Path.Combine(_folder, "postgres.log"));

    /// <summary>Stops the server as <c>pg_ctlcluster … restart</c> does (fast: sessions ended, transactions rolled back).</summary>
    public void Stop() => PgCtl("stop", "-m", "fast");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            PgCtl("stop", "-m", "immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        await Task.Run(() => Directory.Delete(_folder, recursive: true));
    }

    private void PgCtl(string action, params string[] more) => PgTool("pg_ctl", ["-D", _data, "-w", "-t", "60", action, .. more]);

    private void PgTool(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        var started = Stopwatch.GetTimestamp();
        if (IsRoot) FaultSetup.RunQuietly("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else FaultSetup.RunQuietly(path, arguments);
        Console.WriteLine($"    {tool} {string.Join(' ', arguments.Where(a => !a.StartsWith('/')))}: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static bool IsRoot => Environment.UserName == "root";
}
