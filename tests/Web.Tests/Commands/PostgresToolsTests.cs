using BackOffice.Web.Backup;

namespace BackOffice.Web.Tests.Commands;

/// <summary>How pg_dump and pg_restore are found and given the app's connection.</summary>
public sealed class PostgresToolsTests
{
    [Fact]
    public void TheConnectionString_ReachesTheToolsAsLibpqVariables_PasswordAndTlsIncluded()
    {
        var variables = PostgresTools.LibpqEnvironment(
            "Host=db.example.org;Port=5433;Database=backoffice;Username=bo;Password=s3cret;SSL Mode=VerifyFull;Root Certificate=/etc/backoffice/ca.pem");

        variables["PGHOST"].ShouldBe("db.example.org");
        variables["PGPORT"].ShouldBe("5433");
        variables["PGDATABASE"].ShouldBe("backoffice");
        variables["PGUSER"].ShouldBe("bo");
        variables["PGPASSWORD"].ShouldBe("s3cret");
        variables["PGSSLMODE"].ShouldBe("verify-full");
        variables["PGSSLROOTCERT"].ShouldBe("/etc/backoffice/ca.pem");
    }

    [Fact]
    public void ATool_IsFoundOnThePathFirst_ThenInThePackageFolders_ElseNotAtAll()
    {
        var root = BackupSupport.NewDirectory("tools");
        var onPath = Path.Combine(root, "path");
        var package = Path.Combine(root, "17", "bin");
        Directory.CreateDirectory(onPath);
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "pg_dump"), "");
        try
        {
            PostgresTools.Locate("pg_dump", onPath, [package]).ShouldBe(Path.Combine(package, "pg_dump"));
            File.WriteAllText(Path.Combine(onPath, "pg_dump"), "");
            PostgresTools.Locate("pg_dump", onPath, [package]).ShouldBe(Path.Combine(onPath, "pg_dump"));
            PostgresTools.Locate("pg_restore", onPath, [package]).ShouldBeNull();
            PostgresTools.NotFoundMessage("pg_restore").ShouldContain("apt-get install postgresql-client");
        }
        finally
        {
            BackupSupport.DeleteDirectory(root);
        }
    }
}
