using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>The requester's language is stored with the request (its own column, through the migrations) and read back.</summary>
public abstract class RequesterLanguageTests : EngineTestsBase
{
    [Fact]
    public async Task Language_IsStoredAndReadBack_WhenTheDraftIsInSpanish()
    {
        var request = await Harness.StartAsync(new RequestDraftBuilder().With(d => d with { Language = RequesterLanguage.Spanish }).Build());

        var reloaded = await Harness.LoadAsync(request.Id);

        reloaded.Language.ShouldBe("es");
        var row = await Harness.InScopeAsync(async sp =>
            (await RawDatabase.RowsAsync(sp.GetRequiredService<BackOfficeDbContext>(), "Requests")).Single());
        row["Language"].ShouldBe("es");
    }

    [Fact]
    public async Task Language_IsEnglish_WhenTheDraftDoesNotSay()
    {
        var request = await Harness.StartAsync(new RequestDraftBuilder().Build());

        (await Harness.LoadAsync(request.Id)).Language.ShouldBe("en");
    }

    [Fact]
    public async Task Language_IsStoredAsItsTwoLetterCode_WhenTheDraftGivesACulture()
    {
        var request = await Harness.StartAsync(new RequestDraftBuilder().With(d => d with { Language = "es-MX" }).Build());

        (await Harness.LoadAsync(request.Id)).Language.ShouldBe("es");
    }
}

public sealed class SqliteRequesterLanguageTests : RequesterLanguageTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresRequesterLanguageTests : RequesterLanguageTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
