using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Queue.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BackOffice.Queue.Bench.QueueBenchmarks).Assembly).Run(args);
