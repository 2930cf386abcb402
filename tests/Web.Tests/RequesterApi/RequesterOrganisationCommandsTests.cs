using System.Diagnostics;
using BackOffice.Web.Commands;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary><c>requester-org create</c> and <c>api-key create</c>: scripted set-up of a requester organisation and its key.</summary>
public sealed class RequesterOrganisationCommandsTests
{
    private static IConfiguration Options(params (string Key, string Value)[] options) =>
        new ConfigurationBuilder().AddInMemoryCollection(options.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value))).Build();

    [Fact]
    public async Task CreateOrganisation_PrintsItsId_AndCreateKey_PrintsAKeyOnce_StoredOnlyAsItsHash()
    {
        await using var factory = new BackOfficeFactory();
        var organisationOutput = new StringWriter();

        var exit = await RequesterOrganisationCommands.CreateOrganisationAsync(factory.Services,
            Options(("name", "Smith & Jones LLP"), ("type", "attorney"), ("delivery", "Mail,Portal")), organisationOutput);

        exit.ShouldBe(0, organisationOutput.ToString());
        var id = Guid.Parse(organisationOutput.ToString().Trim());
        var keyOutput = new StringWriter();
        (await RequesterOrganisationCommands.CreateKeyAsync(factory.Services, Options(("org", id.ToString()), ("name", "case system")), keyOutput))
            .ShouldBe(0, keyOutput.ToString());
        var secret = keyOutput.ToString().Trim();
        secret.ShouldStartWith(ApiKey.KeyStart);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var organisation = await db.RequesterOrganisations.SingleAsync(o => o.Id == id);
        organisation.Name.ShouldBe("Smith & Jones LLP");
        organisation.Type.ShouldBe(RequesterType.Attorney);
        organisation.AllowedDeliveryMethods.ShouldBe([DeliveryMethod.Mail, DeliveryMethod.Portal]);
        var key = await db.ApiKeys.SingleAsync(k => k.OrganisationId == id);
        key.Name.ShouldBe("case system");
        key.Matches(secret).ShouldBeTrue();
        key.Hash.ShouldNotContain(secret[(ApiKey.KeyStart.Length + ApiKey.PrefixLength + 1)..]);
        secret.ShouldStartWith(key.Prefix + "_");
        (await db.ApiKeys.AsNoTracking().Select(k => k.Hash + k.Prefix + k.Name).ToListAsync()).ShouldAllBe(v => !v.Contains(secret));
    }

    [Fact]
    public async Task WithoutAKnownType_OrAnOrganisation_CreatesNothing_AndSaysWhy()
    {
        await using var factory = new BackOfficeFactory();
        var output = new StringWriter();

        (await RequesterOrganisationCommands.CreateOrganisationAsync(factory.Services, Options(("name", "Patient Co"), ("type", "Patient")), output)).ShouldBe(2);
        output.ToString().ShouldContain("Attorney, Insurer, Provider, OtherThirdParty");
        (await RequesterOrganisationCommands.CreateOrganisationAsync(factory.Services, Options(("type", "Insurer")), output)).ShouldBe(1);
        output.ToString().ShouldContain("Enter the organization's name.");
        (await RequesterOrganisationCommands.CreateKeyAsync(factory.Services, Options(("org", Guid.NewGuid().ToString()), ("name", "k")), output)).ShouldBe(1);
        output.ToString().ShouldContain("There is no requester organization with this id.");
        (await RequesterOrganisationCommands.CreateKeyAsync(factory.Services, Options(("org", "not-an-id"), ("name", "k")), output)).ShouldBe(2);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        (await db.RequesterOrganisations.CountAsync()).ShouldBe(0);
        (await db.ApiKeys.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TheBuiltApp_RunsBothCommands_OnAFreshDataDirectory_WithoutStartingTheServer()
    {
        var data = Path.Combine(Path.GetTempPath(), "backoffice-requester-org", Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = await RunAppAsync(data, "requester-org", "create", "--name", "Acme Insurance", "--type", "Insurer");
            exit.ShouldBe(0, output);
            output.ShouldNotContain("Now listening");
            var id = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => Guid.TryParse(l, out _));

            (exit, output) = await RunAppAsync(data, "api-key", "create", "--org", id, "--name", "claims system", "--expires", "2099-12-31");
            exit.ShouldBe(0, output);
            var secret = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiKey.KeyStart, StringComparison.Ordinal));

            await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = data });
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            var response = await client.GetAsync(new Uri("/api/v1/requests", UriKind.Relative));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAppAsync(string data, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.dll"), .. arguments,
             $"--BackOffice:DataDirectory={data}", $"--BackOffice:Encryption:KeyFile={TestEncryption.KeyFile}",
             "--BackOffice:Demo:SeedAccounts=false", "--environment", "Production"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, output);
    }
}
