using System.Text.Json.Nodes;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>Start-up: migrations, definition registration and version pinning, on each provider.</summary>
public abstract class StartupTests : IAsyncLifetime
{
    private readonly string _definitions = Path.Combine(Path.GetTempPath(), "backoffice-defs", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Directory.CreateDirectory(_definitions);
        File.Copy(Path.Combine(EngineHarness.ShippedDefinitions, "records-request.json"), Path.Combine(_definitions, "records-request.json"));
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        Directory.Delete(_definitions, recursive: true);
    }

    private void WriteDefinition(string file, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(EngineHarness.ShippedDefinitions, "records-request.json")))!.AsObject();
        change(json);
        File.WriteAllText(Path.Combine(_definitions, file), json.ToJsonString());
    }

    // The harness owns the database; each start-up here must not drop it, so it is wrapped.
    protected Task<EngineHarness> StartAppAsync() => EngineHarness.CreateAsync(new KeepAlive(_database!), _definitions);

    [Fact]
    public async Task Migrations_CreateTheSchema_AndMatchTheModel()
    {
        await using var harness = await StartAppAsync();

        await harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse();
        });
    }

    [Fact]
    public async Task Startup_Refuses_ADatabaseWithMigrationsThisBuildDoesNotKnow()
    {
        await using (var first = await StartAppAsync())
        {
            // What a database made by the pre-release migrations (squashed into "Initial") or by a newer build holds.
            await first.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261126075656_Initial', '10.0.15')"""));
        }

        var error = await Should.ThrowAsync<InvalidOperationException>(StartAppAsync);

        error.Message.ShouldContain("migrations this version does not know (20261126075656_Initial;");
        error.Message.ShouldContain("move its data directory aside");
    }

    [Fact]
    public async Task Startup_StopsWithTheProblem_WhenADefinitionNamesAnUnknownGuard()
    {
        WriteDefinition("records-request.json", json => json["transitions"]!.AsArray()[0]!["guards"] = new JsonArray("NoSuchGuard"));

        var error = await Should.ThrowAsync<LifecycleDefinitionException>(StartAppAsync);

        error.Message.ShouldContain("records-request.json");
        error.Message.ShouldContain("unknown guard 'NoSuchGuard'");
    }

    [Fact]
    public async Task Startup_Refuses_ChangedContentUnderAnAlreadyRegisteredVersion()
    {
        await (await StartAppAsync()).DisposeAsync();
        WriteDefinition("records-request.json", json => json["states"]!.AsArray()[3]!["description"] = "changed");

        var error = await Should.ThrowAsync<LifecycleDefinitionException>(StartAppAsync);

        error.Message.ShouldContain("give the changed definition a new version");
    }

    [Fact]
    public async Task Requests_StayPinnedToTheirVersion_WhenANewVersionIsAdded()
    {
        Guid oldRequest;
        await using (var first = await StartAppAsync())
        {
            oldRequest = (await first.StartAsync()).Id;
        }

        // Version 2 drops the identity confirmation from Verify; the file for version 1 is removed.
        File.Delete(Path.Combine(_definitions, "records-request.json"));
        WriteDefinition("records-request.v2.json", json =>
        {
            json["version"] = 2;
            json["transitions"]!.AsArray().Select(t => t!.AsObject()).First(t => (string?)t["trigger"] == "Verify")["activities"] = new JsonArray();
        });
        await using var second = await StartAppAsync();
        var newRequest = await second.StartAsync();

        newRequest.DefinitionVersion.ShouldBe(2);
        (await second.LoadAsync(oldRequest)).DefinitionVersion.ShouldBe(1);
        await second.FireAsync(newRequest.Id, "Verify", Staff.Clerk);
        await Should.ThrowAsync<BackOffice.Workflows.Requests.DomainException>(() => second.FireAsync(oldRequest, "Verify", Staff.Clerk));
    }

    private sealed class KeepAlive(TestDatabase inner) : TestDatabase
    {
        public override DatabaseOptions Options => inner.Options;

        public override ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }
}
