using System.Security.Cryptography;
using BackOffice.Workflows.Persistence;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace BackOffice.Queue.Bench;

/// <summary>
/// One encrypted column value sealed and opened (<see cref="FieldEncryption"/>), against a bare AES-256-GCM seal of the
/// same bytes with a cipher made once: the ratio says how much a value costs beyond the cipher's own work. A queue page
/// opens about a hundred values (each row's name and date of birth); a request's first commit seals a few dozen and its
/// acknowledgement opens them again.
/// </summary>
[SimpleJob(RunStrategy.Throughput, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
public class FieldEncryptionBenchmarks : IDisposable
{
    private const string Purpose = "request.patient.lastName";
    private readonly FieldEncryption _fields = new(FieldKey.NewRandom());
    private readonly AesGcm _cipher = new(RandomNumberGenerator.GetBytes(32), 16);
    private readonly byte[] _plain = "Kowalska-Nowak"u8.ToArray();
    private readonly byte[] _sealed = new byte[12 + 14 + 16];
    private readonly byte[] _associated = "0123456789abcdef:request.patient.lastName"u8.ToArray();
    private string _stored = "";

    [GlobalSetup]
    public void Setup() => _stored = _fields.Protect("Kowalska-Nowak", Purpose);

    [Benchmark(Baseline = true)]
    public byte[] BareSeal()
    {
        RandomNumberGenerator.Fill(_sealed.AsSpan(0, 12));
        _cipher.Encrypt(_sealed.AsSpan(0, 12), _plain, _sealed.AsSpan(12, _plain.Length), _sealed.AsSpan(12 + _plain.Length), _associated);
        return _sealed;
    }

    [Benchmark]
    public string Protect() => _fields.Protect("Kowalska-Nowak", Purpose);

    [Benchmark]
    public string Unprotect() => _fields.Unprotect(_stored, Purpose);

    public void Dispose()
    {
        _cipher.Dispose();
        GC.SuppressFinalize(this);
    }
}
