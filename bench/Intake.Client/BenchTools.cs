using System.Diagnostics;

namespace BackOffice.Intake.Client;

/// <summary>The set-up steps the load and fault programs share: where the repository is, running a tool, copying the app's database.</summary>
public static class BenchTools
{
    /// <summary>The checkout this program runs from (the folder holding BackOffice.sln).</summary>
    public static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BackOffice.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>
    /// The process settings README's production environment file gives the app (Deployment): Production, and two glibc
    /// malloc arenas instead of eight a core. The load programs start BackOffice with these, then add their own.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProductionProcess { get; } = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["MALLOC_ARENA_MAX"] = "2",
    };

    /// <summary>Runs a tool to its end (its output on the console); throws when it fails.</summary>
    public static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(file, arguments);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
    }

    /// <summary>
    /// A consistent copy (<c>VACUUM INTO</c>: same schema, indexes and rows) of the live database <paramref name="database"/>
    /// as <c>raw.db</c> in <paramref name="work"/>, for a raw insert loop.
    /// </summary>
    public static string CopyDatabase(string database, string work)
    {
        var copy = Path.Combine(work, "raw.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"VACUUM INTO '{copy.Replace("'", "''", StringComparison.Ordinal)}'";
        command.ExecuteNonQuery();
        return copy;
    }
}
