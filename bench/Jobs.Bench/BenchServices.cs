using System.Security.Cryptography;
using BackOffice.Workflows;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Jobs.Bench;

/// <summary>The Workflows services as the app wires them (SQLite with WAL and synchronous=FULL) over the bench file,
/// at a fixed "now", with rules that always release (the fired timers do not consult them).</summary>
internal static class BenchServices
{
    /// <summary>A Monday, 10 am in Chicago: every seeded date is relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 15, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Create(string databaseFile)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTime(Now));
        services.AddSingleton<IRequestEvaluator, AlwaysRelease>();
        // A fixed key, so a later run reads the file seeded once (a bench key, never a real one).
        services.AddSingleton(new FieldEncryption(FieldKey.FromSecret(SHA256.HashData("BackOffice jobs bench field key"u8))));
        services.AddWorkflows(new WorkflowsOptions
        {
            Database = new DatabaseOptions { ConnectionString = $"Data Source={databaseFile}" },
            DefinitionsDirectory = Path.Combine(AppContext.BaseDirectory, "workflows"),
        });
        return services.BuildServiceProvider();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class AlwaysRelease : IRequestEvaluator
    {
        public ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today) =>
            new(1, ReleaseDecisionKind.Release, "Release", [], [], null);

        public FeeAssessment AssessFee(RecordsRequest request, DateOnly today) => new(1, 0m, []);
    }
}
