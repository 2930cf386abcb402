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

    /// <summary>
    /// Publishes <c>src/Web</c> for this machine's runtime as production deploys it and returns the folder: Release,
    /// ReadyToRun, framework-dependent (README, Deployment); with <paramref name="selfContained"/> the faster-starting
    /// option instead — the runtime inside the folder and compiled with the app into one composite image — into a
    /// folder and intermediate folders of its own, so neither publish reuses the other's compiled code.
    /// <paramref name="noBuild"/> returns the last published folder.
    /// </summary>
    public static string PublishWeb(string repo, bool selfContained, bool noBuild)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var runtime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var project = Path.Combine(repo, "src/Web/Web.csproj");
        var folder = Path.Combine(repo, "src/Web/bin/Release/net10.0", runtime, selfContained ? "publish-self-contained" : "publish");
        if (noBuild) return folder;
        if (selfContained)
        {
            Publish(project, selfContained: true, "-p:PublishReadyToRunComposite=true",
                "-p:IntermediateOutputPath=obj/Release/net10.0/self-contained/", "-o", folder);
        }
        else
        {
            Publish(project, selfContained: false);
        }

        return folder;
    }

    /// <summary>Publishes a project for this machine's runtime in Release with ReadyToRun, and <paramref name="options"/>.</summary>
    public static void Publish(string project, bool selfContained, params string[] options) =>
        Run("dotnet", ["publish", "-c", "Release", "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier,
            "--self-contained", selfContained ? "true" : "false", "-p:PublishReadyToRun=true", "-v", "q", "-nologo", .. options, project]);

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
