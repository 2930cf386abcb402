using System.Text.Json;

namespace BackOffice.Web.Tests.Operations;

public class RuntimeConfigurationTests
{
    /// <summary>
    /// The Web SDK turns server GC on unless the project says otherwise; on the department's 2-core machines it kept a
    /// heap per core and 35-50 MB more resident memory for no throughput (bench/Api.Load). A misspelt property once left
    /// it on silently.
    /// </summary>
    [Fact]
    public void TheApp_RunsWithWorkstationGarbageCollection()
    {
        var properties = ConfigProperties();

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
    }

    /// <summary>
    /// Idle thread-pool workers wait without spinning: on 2 cores the spin took CPU from the requests (bench/Api.Load,
    /// 5.8 % of the app's samples). The name must be the runtime's own, or the setting is silently ignored.
    /// </summary>
    [Fact]
    public void TheApp_ThreadPoolWorkers_WaitWithoutSpinning()
    {
        var properties = ConfigProperties();

        properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().ShouldBe(0);
        // The runtime reads this exact name (System.Private.CoreLib carries it).
        var coreLib = File.ReadAllBytes(typeof(object).Assembly.Location);
        var name = System.Text.Encoding.Unicode.GetBytes("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");
        coreLib.AsSpan().IndexOf(name).ShouldBeGreaterThanOrEqualTo(0);
    }

    // The runtime settings the built app starts with (its runtimeconfig.json, copied beside the tests).
    private static JsonElement ConfigProperties()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
