using System.Net;
using System.Text.Json;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Ready_ChecksTheDatabaseJobsFilesAndKeys_AndLive_AsksNothing()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        checks.EnumerateObject().Select(c => (c.Name, c.Value.GetString())).OrderBy(c => c.Name, StringComparer.Ordinal)
            .ShouldBe([("database", "Healthy"), ("files", "Healthy"), ("jobs", "Healthy"), ("keys", "Healthy")]);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateObject().ShouldBeEmpty();
        // /health stays as it was: the database.
        JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateObject()
            .Select(c => c.Name).ShouldBe(["database"]);
    }

    [Fact]
    public async Task Ready_IsUnavailable_NamingTheFiles_WhenTheFilesDirectoryCannotBeWritten_WhileLiveStaysUp()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The files directory replaced by a plain file: nothing can be written under it (root ignores permissions).
        var files = factory.Services.GetRequiredService<BackOffice.Web.Encryption.StoredFiles>().FilesDirectory;
        var moved = files + ".away";
        Directory.Move(files, moved);
        try
        {
            await File.WriteAllTextAsync(files, "not a directory");
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = await ready.Content.ReadAsStringAsync();
            JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("files").GetString().ShouldBe("Unhealthy");
            body.ShouldNotContain("Exception");
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(files);
            Directory.Move(moved, files);
        }
    }

    [Fact]
    public async Task Ready_IsUnavailable_NamingTheDatabase_WhenTheSqliteFileIsGone_WhileLiveStaysUp()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The database file moved away (a volume unmounted), with a directory in its place so nothing can create an empty
        // one there meanwhile; the job storage (hangfire.db), the files and the key stay where they are.
        var database = Path.Combine(factory.DataDirectory, "backoffice.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the last connection closed folds the WAL file in
        var files = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).ToList();
        foreach (var file in files) File.Move(file, file + ".away");
        Directory.CreateDirectory(database);
        try
        {
            var (checks, _) = await ProbeWhileDownAsync(client);
            checks.ShouldBe([("database", "Unhealthy"), ("files", "Healthy"), ("jobs", "Healthy"), ("keys", "Healthy")]);
        }
        finally
        {
            Directory.Delete(database);
            foreach (var file in files) File.Move(file + ".away", file);
        }

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_IsUnavailable_NamingTheDatabaseAndJobs_WhenPostgreSqlRefusesConnections_WhileLiveStaysUp()
    {
        await using var postgres = await ScratchPostgres.CreateAsync();
        await using var factory = new BackOfficeFactory(postgres.Settings);
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The database down: new connections refused, open ones ended. Hangfire keeps its tables in the same database.
        await postgres.RefuseConnectionsAsync();
        try
        {
            var (checks, health) = await ProbeWhileDownAsync(client);
            checks.ShouldBe([("database", "Unhealthy"), ("files", "Healthy"), ("jobs", "Unhealthy"), ("keys", "Healthy")]);
            health.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await postgres.AcceptConnectionsAsync();
        }

        // Back up: ready again without a restart.
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_IsUnavailable_NamingTheJobs_WhenTheJobStorageIsGone_WhileTheDatabaseAnswers()
    {
        await using var postgres = await ScratchPostgres.CreateAsync();
        await using var factory = new BackOfficeFactory(postgres.Settings);
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Hangfire's tables out of reach (its schema renamed) while the app's own tables answer.
        var schema = BackOffice.Web.Jobs.JobsServiceCollectionExtensions.PostgresSchema;
        await postgres.ExecuteAsync($"ALTER SCHEMA \"{schema}\" RENAME TO \"{schema}_away\"");
        try
        {
            var (checks, health) = await ProbeWhileDownAsync(client);
            checks.ShouldBe([("database", "Healthy"), ("files", "Healthy"), ("jobs", "Unhealthy"), ("keys", "Healthy")]);
            health.ShouldBe(HttpStatusCode.OK, "/health asks the database only");
        }
        finally
        {
            await postgres.ExecuteAsync($"ALTER SCHEMA \"{schema}_away\" RENAME TO \"{schema}\"");
        }

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Each check of a health answer with its status, by name.</summary>
    /// <summary>While a dependency is down: ready answers 503 without an exception's text, live stays 200; the checks ready
    /// named and what <c>/health</c> answered.</summary>
    private static async Task<(List<(string Name, string? Status)> Checks, HttpStatusCode Health)> ProbeWhileDownAsync(HttpClient client)
    {
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldNotContain("Exception");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (Checks(body), health.StatusCode);
    }

    private static List<(string Name, string? Status)> Checks(string body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("checks").EnumerateObject()
            .Select(c => (c.Name, c.Value.GetString())).OrderBy(c => c.Name, StringComparer.Ordinal)];

    [Fact]
    public async Task Ready_IsUnavailable_NamingTheKeys_WhenTheStoredFilesNeedAnotherKey()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();
        var check = factory.Services.GetRequiredService<BackOffice.Web.Encryption.StoredFiles>().CheckFile;
        var original = await File.ReadAllBytesAsync(check);
        try
        {
            // The check file as another key would have written it: its bytes no longer decrypt with this key.
            var damaged = (byte[])original.Clone();
            damaged[^1] ^= 0xFF;
            await File.WriteAllBytesAsync(check, damaged);

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("keys").GetString().ShouldBe("Unhealthy");
        }
        finally
        {
            await File.WriteAllBytesAsync(check, original);
        }
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
