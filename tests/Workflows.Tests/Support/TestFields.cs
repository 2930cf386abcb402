using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>
/// Keys for the encrypted columns in tests: one shared key for every harness of the run (EF Core builds one model per set
/// of keys, so hosts sharing it share the model), and fresh keys for tests about keys.
/// </summary>
public static class TestFields
{
    public static FieldKey SharedKey { get; } = FieldKey.NewRandom();

    public static FieldEncryption Shared { get; } = new(SharedKey);
}
