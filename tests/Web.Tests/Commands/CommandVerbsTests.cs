using BackOffice.Web.Commands;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Commands;

/// <summary>The command words of the built app: an unknown one lists them all and fails, without starting anything.</summary>
public sealed class CommandVerbsTests
{
    [Fact]
    public async Task TheBuiltApp_GivenAnUnknownCommand_ListsTheCommands_AndExitsWith2()
    {
        var (exit, output) = await BackupSupport.RunBuiltAppAsync("frobnicate", "--BackOffice:DataDirectory=/nonexistent/backoffice");

        exit.ShouldBe(2, output);
        output.ShouldContain("Unknown command: frobnicate");
        foreach (var verb in new[] { "backup <file>", "restore <file>", "create-user <name>", "encryption new-key <path>", "encryption status", "encryption rotate" })
            output.ShouldContain(verb);
        output.ShouldNotContain("Now listening");
        Directory.Exists("/nonexistent/backoffice").ShouldBeFalse();
    }

    [Fact]
    public async Task ACommand_TypedInAnotherDirectory_RunsWithTheAppsOwnSettings_AndMakesNothingThere()
    {
        var elsewhere = BackupSupport.NewDirectory("elsewhere");
        var data = BackupSupport.NewDirectory("elsewhere-data");
        Directory.CreateDirectory(elsewhere);
        try
        {
            var (exit, output) = await BackupSupport.RunBuiltAppInAsync(elsewhere, "requester-org", "create", "--name", "Elsewhere LLP",
                "--type", "Attorney", $"--BackOffice:DataDirectory={data}", $"--BackOffice:Encryption:KeyFile={TestEncryption.KeyFile}");

            exit.ShouldBe(0, output);
            // appsettings.json (beside the app, not in this directory) keeps EF Core's SQL out of the output, as for the app.
            output.ShouldNotContain("Executed DbCommand");
            Directory.EnumerateFileSystemEntries(elsewhere).ShouldBeEmpty();
            File.Exists(Path.Combine(data, "backoffice.db")).ShouldBeTrue();
        }
        finally
        {
            BackupSupport.DeleteDirectory(elsewhere);
            BackupSupport.DeleteDirectory(data);
        }
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("restore")]
    [InlineData("backup", "a.tar.gz", "b.tar.gz")]
    public void ACommandWithoutItsFile_OrWithTooMany_IsUnknown_AndListsTheCommands(params string[] command)
    {
        var output = new StringWriter();

        BackOfficeCommands.RunWithoutHost(command, output).ShouldBe(2);

        output.ToString().ShouldContain("backup <file>");
    }

    [Theory]
    [InlineData("backup", "a.tar.gz")]
    [InlineData("restore", "a.tar.gz")]
    public void BackupAndRestore_RunWithTheAppsSettings(params string[] command) =>
        BackOfficeCommands.RunWithoutHost(command, TextWriter.Null).ShouldBeNull();
}
