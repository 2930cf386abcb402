using System.Net;
using System.Text;
using BackOffice.Web.Backup;
using BackOffice.Web.Encryption;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Commands;

/// <summary>
/// <c>backup</c> and <c>restore</c> on SQLite: an online backup taken by the built app while clerks keep keying in forms
/// restores into a new data directory where the app finds every request confirmed before the backup, with its documents
/// and journal; the archive holds files as stored (encrypted) and names the key without holding it.
/// </summary>
[Collection(BackupRuns.Name)]
public sealed class BackupRestoreTests
{
    private static readonly byte[] EnvelopeMagic = "BOENC"u8.ToArray();

    [Fact]
    public async Task Backup_TakenByTheBuiltAppUnderLoad_RestoresEveryRequestConfirmedBeforeIt_WithItsDocumentsAndJournal()
    {
        var archives = BackupSupport.NewDirectory("archives");
        var archive = Path.Combine(archives, "backoffice.tar.gz");
        var restored = BackupSupport.NewDirectory("restored");
        try
        {
            await using var live = new BackOfficeFactory();
            using var load = await IntakeLoad.StartAsync(live, clients: 3);
            await load.WaitForAsync(6);
            var confirmedBefore = load.Confirmed;
            var started = DateTimeOffset.UtcNow;
            var (exit, output) = await BackupSupport.RunBuiltAppAsync("backup", archive,
                $"--BackOffice:DataDirectory={live.DataDirectory}", $"--BackOffice:Encryption:KeyFile={TestEncryption.KeyFile}");
            var ended = DateTimeOffset.UtcNow;
            await load.WaitForAsync(load.Confirmed.Count + 2);
            var confirmed = await load.StopAsync();

            exit.ShouldBe(0, output);
            output.ShouldContain("Backup written to");
            output.ShouldNotContain("Now listening");
            confirmed.Count(c => c.ConfirmedAt > started && c.ConfirmedAt < ended).ShouldBeGreaterThan(0, "forms kept arriving while the backup ran");

            var entries = await BackupSupport.EntriesAsync(archive);
            var manifest = BackupSupport.Manifest(entries);
            var key = KeyEncryptionKey.FromFile(TestEncryption.KeyFile);
            manifest.DatabaseProvider.ShouldBe("Sqlite");
            manifest.Keys.Current.ShouldBe(new BackupKeyReference(key.Id, TestEncryption.KeyFile));
            manifest.Keys.FilesByKey.ShouldBe(new Dictionary<string, int> { [key.Id] = (int)manifest.Counts.StoredFiles });
            manifest.Keys.DatabaseKeyIds.ShouldBe([key.Id]);
            manifest.MissingDocuments.ShouldBeEmpty();
            entries.Keys.ShouldContain(BackupLayout.SqliteDatabase);
            entries.Keys.ShouldContain(BackupLayout.HangfireDatabase);
            entries.Keys.ShouldContain(BackupLayout.EncryptionCheck);
            var documents = entries.Where(e => e.Key.StartsWith(BackupLayout.DocumentsPrefix, StringComparison.Ordinal)).ToList();
            documents.Count.ShouldBe((int)manifest.Counts.Documents);
            documents.Where(d => !d.Value.AsSpan().StartsWith(EnvelopeMagic)).ShouldBeEmpty("documents are archived as stored, encrypted");
            var keyText = Encoding.ASCII.GetBytes(File.ReadAllText(TestEncryption.KeyFile).Trim());
            entries.Where(e => e.Value.AsSpan().IndexOf(keyText) >= 0).ShouldBeEmpty("the key is never in the backup");

            (exit, output) = await BackupSupport.RunBuiltAppAsync("restore", archive,
                $"--BackOffice:DataDirectory={restored}", $"--BackOffice:Encryption:KeyFile={TestEncryption.KeyFile}");
            exit.ShouldBe(0, output);
            output.ShouldContain($"{manifest.Counts.Requests} requests");

            var liveRequests = await BackupSupport.StoredRequestsAsync(live);
            await using var app = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = restored });
            var restoredRequests = await BackupSupport.StoredRequestsAsync(app);
            restoredRequests.Count.ShouldBe((int)manifest.Counts.Requests);
            restoredRequests.Count.ShouldBeLessThan(liveRequests.Count, "requests confirmed after the backup are not in it");
            foreach (var (id, _) in confirmedBefore) restoredRequests.Keys.ShouldContain(id);
            foreach (var request in restoredRequests.Values)
            {
                var original = liveRequests[request.Id];
                request.Documents.ShouldBe(original.Documents);
                request.Journal.ShouldBe(original.Journal);
                request.Documents.ShouldNotBeEmpty();
                request.Journal.ShouldNotBeEmpty();
                foreach (var (storageKey, sha256) in request.Documents) BackupSupport.PlainSha256(app, storageKey).ShouldBe(sha256);
            }

            using var clerk = await app.SignedInAsync("clerk");
            var first = restoredRequests[confirmedBefore[0].Id];
            var (status, html) = await clerk.GetPageAsync($"/Staff/Requests/{first.Id}");
            status.ShouldBe(HttpStatusCode.OK);
            html.ShouldContain(first.TrackingNumber);
        }
        finally
        {
            BackupSupport.DeleteDirectory(archives);
            BackupSupport.DeleteDirectory(restored);
        }
    }

    [Fact]
    public async Task Restore_RefusesADataDirectoryThatHoldsAnything_AndLeavesItAsItWas()
    {
        var data = BackupSupport.NewDirectory("occupied");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "notes.txt"), "kept");
        var archive = Path.Combine(data + "-archive.tar.gz");
        await File.WriteAllBytesAsync(archive, [1, 2, 3]);
        try
        {
            var (exit, output) = await BackupSupport.RunCommandAsync(["restore", archive], new Dictionary<string, string?>
            {
                ["BackOffice:DataDirectory"] = data, ["BackOffice:Encryption:KeyFile"] = TestEncryption.KeyFile,
            });

            exit.ShouldBe(1);
            output.ShouldContain($"The data directory {data} is not empty");
            output.ShouldContain("Nothing was restored");
            Directory.GetFileSystemEntries(data).ShouldBe([Path.Combine(data, "notes.txt")]);
        }
        finally
        {
            BackupSupport.DeleteDirectory(data);
            File.Delete(archive);
        }
    }
}
