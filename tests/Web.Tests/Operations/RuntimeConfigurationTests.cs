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
        var file = Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
    }
}
