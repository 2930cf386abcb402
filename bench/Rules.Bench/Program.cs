using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Rules.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BackOffice.Rules.Bench.EvaluationBenchmarks).Assembly).Run(args);
