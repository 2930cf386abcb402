using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Commands;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Web.Tests.Commands;

/// <summary><c>create-user</c>: the first supervisor of an installation without demo accounts, from a script or a terminal.</summary>
public sealed partial class CreateUserCommandTests
{
    private static IConfiguration Options(params (string Key, string Value)[] options) =>
        new ConfigurationBuilder().AddInMemoryCollection(options.Select(o => KeyValuePair.Create(o.Key, (string?)o.Value))).Build();

    [GeneratedRegex("Password \\(shown once[^)]*\\): (?<password>\\S+)")]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task FromAScript_GeneratesAPassword_PrintsItOnce_AndTheSupervisorCanSignInAndManageAccounts()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Demo:SeedAccounts"] = "false" });
        var output = new StringWriter();

        var exit = await CreateUserCommand.RunAsync(factory.Services, "first.supervisor", Options(("role", "supervisor"), ("display-name", "Dana Whitfield")), output);

        exit.ShouldBe(0, output.ToString());
        var password = PrintedPassword().Match(output.ToString()).Groups["password"].Value;
        password.Length.ShouldBe(20);
        using var client = await factory.SignedInAsync("first.supervisor", password);
        (await client.GetAsync(new Uri("/Staff/Users", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AtATerminal_AsksThePasswordTwice_AndRefusesTwoThatDiffer()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Demo:SeedAccounts"] = "false" });
        var typed = new Queue<string>(["Correct-Horse-Battery-9", "Correct-Horse-Battery-8"]);
        var refused = new StringWriter();

        (await CreateUserCommand.RunAsync(factory.Services, "clerk.one", Options(("role", "Clerk")), refused, typed.Dequeue)).ShouldBe(1);
        refused.ToString().ShouldContain("The two passwords differ");
        (await factory.CreateBrowser().SignInAsync("clerk.one", "Correct-Horse-Battery-9")).StatusCode.ShouldNotBe(HttpStatusCode.Redirect);

        var same = new Queue<string>(["Correct-Horse-Battery-9", "Correct-Horse-Battery-9"]);
        var created = new StringWriter();
        (await CreateUserCommand.RunAsync(factory.Services, "clerk.one", Options(("role", "Clerk")), created, same.Dequeue)).ShouldBe(0);
        created.ToString().ShouldNotContain("Correct-Horse-Battery-9");
        using var client = await factory.SignedInAsync("clerk.one", "Correct-Horse-Battery-9");
    }

    [Fact]
    public async Task WithoutAKnownRole_OrForANameTaken_CreatesNothing_AndSaysWhy()
    {
        await using var factory = new BackOfficeFactory();
        var output = new StringWriter();

        (await CreateUserCommand.RunAsync(factory.Services, "someone", Options(("role", "Janitor")), output)).ShouldBe(2);
        output.ToString().ShouldContain("one of Clerk, RulesAdmin, Supervisor");
        (await CreateUserCommand.RunAsync(factory.Services, "clerk", Options(("role", "Clerk")), output)).ShouldBe(1);
        output.ToString().ShouldContain("An account named clerk exists already");
    }

    [Fact]
    public async Task TheBuiltApp_RunsTheCommand_OnAFreshDataDirectory_WithoutStartingTheServer()
    {
        var data = Path.Combine(Path.GetTempPath(), "backoffice-create-user", Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.dll"), "create-user", "ops.supervisor", "--role", "Supervisor",
                 $"--BackOffice:DataDirectory={data}", $"--BackOffice:Encryption:KeyFile={TestEncryption.KeyFile}",
                 "--BackOffice:Demo:SeedAccounts=false", "--environment", "Production"])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            process.StandardInput.Close(); // a script: no terminal to ask, so a password is generated
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));

            process.ExitCode.ShouldBe(0, output);
            output.ShouldContain("Created ops.supervisor with the role Supervisor.");
            output.ShouldNotContain("Now listening");
            var password = PrintedPassword().Match(output).Groups["password"].Value;
            await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
            {
                ["BackOffice:DataDirectory"] = data, ["BackOffice:Demo:SeedAccounts"] = "false",
            });
            using var client = await factory.SignedInAsync("ops.supervisor", password);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
