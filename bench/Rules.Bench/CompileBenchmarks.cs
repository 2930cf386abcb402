using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace BackOffice.Rules.Bench;

/// <summary>
/// Cold compile of every shipped rule document: read, schema-check, build the engine and compile each
/// workflow (the probe run). "FirstInProcess" starts a new process per measurement, so it includes
/// JIT-compiling RulesEngine and the schema library: what the first request after a deploy waits for.
/// "NewEngine" is a new version compiled in a running app (for example one published from the workbench).
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "FirstInProcess")]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, id: "NewEngine")]
public class CompileBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup() => _folder = RulesFolder.Find();

    [Benchmark]
    public CompiledRuleSet CompileShippedRuleSet() => RuleSetCompiler.Compile(RuleSet.FromDirectory(_folder)).GetOrThrow();
}
