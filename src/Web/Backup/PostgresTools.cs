using System.Diagnostics;
using Npgsql;

namespace BackOffice.Web.Backup;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c>, found on the PATH or where Linux packages put them (Debian's
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, the PGDG packages' <c>/usr/pgsql-&lt;version&gt;/bin</c>), run with the
/// app's connection string handed over as libpq's environment variables (never on the command line, where every
/// account on the machine could read the password).
/// </summary>
public static class PostgresTools
{
    /// <summary>The setting naming the one folder to take the tools from (e.g. one PostgreSQL version of several installed).</summary>
    public const string BinDirectorySetting = "BackOffice:Backup:PostgresBinDirectory";

    /// <summary>The full path of <paramref name="tool"/>, or null when it is not installed.</summary>
    public static string? Locate(string tool, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[BinDirectorySetting] is { Length: > 0 } folder
            ? Locate(tool, null, [folder])
            : Locate(tool, System.Environment.GetEnvironmentVariable("PATH"), PackageDirectories());
    }

    /// <summary>As <see cref="Locate(string, IConfiguration)"/>, looking in the given PATH and package folders (newest version first).</summary>
    public static string? Locate(string tool, string? path, IEnumerable<string> packageDirectories)
    {
        ArgumentNullException.ThrowIfNull(packageDirectories);
        var name = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        var folders = (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(packageDirectories);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>What to say when a tool is missing: what to install.</summary>
    public static string NotFoundMessage(string tool) =>
        $"{tool} was not found (on the PATH, in /usr/lib/postgresql/*/bin, or in {BinDirectorySetting} when set). Install the PostgreSQL client programs of the "
        + "server's major version or newer (Debian/Ubuntu: apt-get install postgresql-client; RHEL: dnf install postgresql), "
        + "or put the folder holding them on the PATH, and run the command again.";

    /// <summary>libpq's environment variables for the connection string's server, database, account and TLS settings.</summary>
    public static Dictionary<string, string> LibpqEnvironment(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PGHOST"] = settings.Host ?? "localhost",
            ["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGSSLMODE"] = settings.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Allow => "allow",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
            ["PGAPPNAME"] = "BackOffice backup",
            ["PGCONNECT_TIMEOUT"] = settings.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Add(variables, "PGDATABASE", settings.Database);
        Add(variables, "PGUSER", settings.Username);
        Add(variables, "PGPASSWORD", settings.Password);
        Add(variables, "PGPASSFILE", settings.Passfile);
        Add(variables, "PGSSLROOTCERT", settings.RootCertificate);
        Add(variables, "PGSSLCERT", settings.SslCertificate);
        Add(variables, "PGSSLKEY", settings.SslKey);
        return variables;
    }

    /// <summary>Runs a tool to its end, feeding it <paramref name="input"/> when given; its exit code and what it wrote to stderr.</summary>
    public static async Task<(int ExitCode, string Errors)> RunAsync(string tool, IEnumerable<string> arguments, string connectionString,
        Stream? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in LibpqEnvironment(connectionString)) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var ignoredOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            try
            {
                await using var stdin = process.StandardInput.BaseStream;
                await input.CopyToAsync(stdin, cancellationToken);
            }
            catch (IOException)
            {
                // The tool stopped reading (it failed); its exit code and message below say why.
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        await ignoredOutput;
        return (process.ExitCode, (await errors).Trim());
    }

    private static void Add(Dictionary<string, string> variables, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) variables[name] = value;
    }

    private static IEnumerable<string> PackageDirectories()
    {
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr" })
        {
            if (!Directory.Exists(root)) continue;
            var versions = root == "/usr"
                ? Directory.EnumerateDirectories(root, "pgsql-*").Select(d => (Dir: Path.Combine(d, "bin"), Version: Path.GetFileName(d)["pgsql-".Length..]))
                : Directory.EnumerateDirectories(root).Select(d => (Dir: Path.Combine(d, "bin"), Version: Path.GetFileName(d)));
            foreach (var (dir, _) in versions.OrderByDescending(v => int.TryParse(v.Version, out var n) ? n : 0)) yield return dir;
        }
    }
}
