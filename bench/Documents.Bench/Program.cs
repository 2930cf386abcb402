using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Documents.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BackOffice.Documents.Bench.MailingBatchBenchmarks).Assembly).Run(args);
