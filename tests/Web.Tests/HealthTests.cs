using System.Net;
using System.Text.Json;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_IsHealthy_OnTheEmbeddedSqliteDefault_AndCreatesTheDatabaseFile()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("database").GetString().ShouldBe("Healthy");
        File.Exists(Path.Combine(factory.DataDirectory, "backoffice.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_IsHealthy_OnPostgreSql_ChosenByConfiguration()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var factory = new BackOfficeFactory(database.Settings);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(factory.DataDirectory, "backoffice.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Health_IsUnhealthy_WhenTheDatabaseCannotBeReached()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(factory.DataDirectory, "backoffice.db"));
        Directory.Delete(factory.DataDirectory, recursive: true);
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Home_Answers_WithoutAnyConfiguration()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        html.ShouldContain("Medical records requests");
    }
}

public sealed class StartupTests
{
    [Fact]
    public async Task Startup_Stops_NamingTheProblem_WhenALifecycleDefinitionIsInvalid()
    {
        var definitions = Path.Combine(Path.GetTempPath(), "backoffice-web-defs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(definitions);
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "records-request.json"));
        await File.WriteAllTextAsync(Path.Combine(definitions, "records-request.json"),
            shipped.Replace("\"DecisionPermitsRelease\"", "\"IdentityByTelepathy\"", StringComparison.Ordinal));
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:DefinitionsDirectory"] = definitions });

        var error = Should.Throw<Exception>(() => factory.CreateClient());

        error.ToString().ShouldContain("unknown guard 'IdentityByTelepathy'");
        Directory.Delete(definitions, recursive: true);
    }
}
