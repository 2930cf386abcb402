using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>Runs each derived test class against a fresh real database of its provider.</summary>
public abstract class EngineTestsBase : IAsyncLifetime
{
    private EngineHarness? _harness;

    protected EngineHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public virtual async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(await CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }
}
