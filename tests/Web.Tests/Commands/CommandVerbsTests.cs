using BackOffice.Web.Commands;

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
