using System.Text;
using BackOffice.Web.Backup;
using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Commands;

/// <summary>
/// <c>backup</c> and <c>restore</c> on PostgreSQL, against the test server: <c>pg_dump</c> from the snapshot the list of
/// documents was read in, while clerks keep keying in forms; <c>pg_restore</c> into an empty database only.
/// </summary>
[Collection(BackupRuns.Name)]
public sealed class PostgresBackupRestoreTests
{
    [Fact]
    public async Task Backup_UnderLoad_RestoresIntoAnEmptyDatabaseOnly_WithEveryRequestConfirmedBeforeIt()
    {
        await using var source = await ScratchPostgres.CreateAsync();
        await using var target = await ScratchPostgres.CreateAsync();
        var archives = BackupSupport.NewDirectory("pg-archives");
        var archive = Path.Combine(archives, "backoffice.tar.gz");
        var refused = BackupSupport.NewDirectory("pg-refused");
        var restored = BackupSupport.NewDirectory("pg-restored");
        try
        {
            await using var live = new BackOfficeFactory(source.Settings);
            using var load = await IntakeLoad.StartAsync(live, clients: 2);
            await load.WaitForAsync(4);
            var confirmedBefore = load.Confirmed;
            var output = new StringWriter();
            var exit = await BackupCommand.RunAsync(live.Services, archive, output);
            await load.WaitForAsync(load.Confirmed.Count + 2);
            await load.StopAsync();

            exit.ShouldBe(0, output.ToString());
            var entries = await BackupSupport.EntriesAsync(archive);
            var manifest = BackupSupport.Manifest(entries);
            manifest.DatabaseProvider.ShouldBe("PostgreSql");
            Encoding.ASCII.GetString(entries[BackupLayout.PostgresDump].AsSpan(0, 5)).ShouldBe("PGDMP", "pg_dump's custom format");
            entries.Keys.ShouldNotContain(BackupLayout.SqliteDatabase);
            manifest.Keys.DatabaseKeyIds.ShouldBe([KeyEncryptionKey.FromFile(TestEncryption.KeyFile).Id]);

            var settings = new Dictionary<string, string?>(source.Settings)
            {
                ["BackOffice:DataDirectory"] = refused, ["BackOffice:Encryption:KeyFile"] = TestEncryption.KeyFile,
            };
            var (code, said) = await BackupSupport.RunCommandAsync(["restore", archive], settings);
            code.ShouldBe(1);
            said.ShouldContain("is not empty. A backup is restored into an empty database only");
            Path.Exists(Path.Combine(refused, "documents")).ShouldBeFalse();

            settings = new Dictionary<string, string?>(target.Settings)
            {
                ["BackOffice:DataDirectory"] = restored, ["BackOffice:Encryption:KeyFile"] = TestEncryption.KeyFile,
            };
            (code, said) = await BackupSupport.RunCommandAsync(["restore", archive], settings);
            code.ShouldBe(0, said);

            var liveRequests = await BackupSupport.StoredRequestsAsync(live);
            await using var app = new BackOfficeFactory(new Dictionary<string, string?>(target.Settings) { ["BackOffice:DataDirectory"] = restored });
            var restoredRequests = await BackupSupport.StoredRequestsAsync(app);
            restoredRequests.Count.ShouldBe((int)manifest.Counts.Requests);
            restoredRequests.Count.ShouldBeLessThan(liveRequests.Count, "requests confirmed after the backup are not in it");
            foreach (var (id, _) in confirmedBefore) restoredRequests.Keys.ShouldContain(id);
            foreach (var request in restoredRequests.Values)
            {
                request.Documents.ShouldBe(liveRequests[request.Id].Documents);
                request.Journal.ShouldBe(liveRequests[request.Id].Journal);
                request.Journal.ShouldNotBeEmpty();
                foreach (var (storageKey, sha256) in request.Documents) BackupSupport.PlainSha256(app, storageKey).ShouldBe(sha256);
            }
        }
        finally
        {
            BackupSupport.DeleteDirectory(archives);
            BackupSupport.DeleteDirectory(refused);
            BackupSupport.DeleteDirectory(restored);
        }
    }

    [Fact]
    public async Task Backup_WithoutPgDump_SaysWhatToInstall_AndExitsNonZero()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        var data = BackupSupport.NewDirectory("pg-no-tools");
        var noTools = BackupSupport.NewDirectory("no-tools");
        Directory.CreateDirectory(noTools);
        try
        {
            var settings = new Dictionary<string, string?>(database.Settings)
            {
                ["BackOffice:DataDirectory"] = data,
                ["BackOffice:Encryption:KeyFile"] = TestEncryption.KeyFile,
                [PostgresTools.BinDirectorySetting] = noTools,
            };

            var (exit, output) = await BackupSupport.RunCommandAsync(["backup", Path.Combine(data + "-archive.tar.gz")], settings);

            exit.ShouldBe(1);
            output.ShouldContain("pg_dump was not found");
            output.ShouldContain("apt-get install postgresql-client");
            File.Exists(data + "-archive.tar.gz").ShouldBeFalse();
        }
        finally
        {
            BackupSupport.DeleteDirectory(data);
            BackupSupport.DeleteDirectory(noTools);
        }
    }
}
