using BackOffice.Web.Backup;
using BackOffice.Web.Commands;
using BackOffice.Web.Documents;
using BackOffice.Web.Encryption;
using BackOffice.Web.PostalMailing;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Commands;

/// <summary>
/// One small backup, made in the app's own process: a few paper forms with their scans, a mailing batch, the photo ID of
/// an online request not yet sent, and a file no record names (a write whose commit failed).
/// </summary>
public sealed class SmallBackupFixture : IAsyncLifetime
{
    public string Folder { get; } = BackupSupport.NewDirectory("small");

    public string Archive => Path.Combine(Folder, "backoffice.tar.gz");

    public Dictionary<string, byte[]> Entries { get; private set; } = [];

    public BackupManifest Manifest { get; private set; } = null!;

    public string BackupOutput { get; private set; } = "";

    public string MailingBatchId { get; } = MailingBatchStore.NewId(new DateOnly(2026, 12, 4));

    public string StagedUploadKey { get; private set; } = "";

    public string UnnamedFileKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var live = new BackOfficeFactory();
        using var load = await IntakeLoad.StartAsync(live, clients: 1);
        await load.WaitForAsync(2);
        await load.StopAsync();
        var mailing = live.Services.GetRequiredService<MailingBatchStore>();
        await mailing.SaveRecordAsync(new MailingBatchRecord(MailingBatchId, new DateOnly(2026, 12, 4), DateTimeOffset.UtcNow, "clerk", "batch.pdf", [], []),
            CancellationToken.None);
        await mailing.SavePdfAsync(MailingBatchId, UploadFile.Pdf("Batch", "batch.pdf").Bytes, CancellationToken.None);
        await using (var scope = live.Services.CreateAsyncScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            var photo = UploadFile.Jpeg("PhotoId", "id.jpg");
            StagedUploadKey = documents.NewStorageKey();
            db.StagedUploads.Add(StagedUpload.Stage(StagedUploadKey, Guid.NewGuid(), "192.0.2.0", photo.Bytes.Length, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync();
            await documents.SaveAsync(StagedUploadKey, new MemoryStream(photo.Bytes), "id.jpg", DocumentKind.PhotoId);
            UnnamedFileKey = (await documents.SaveAsync(new MemoryStream(photo.Bytes), "lost.jpg", DocumentKind.PhotoId)).StorageKey;
        }

        var output = new StringWriter();
        (await BackupCommand.RunAsync(live.Services, Archive, output)).ShouldBe(0, output.ToString());
        BackupOutput = output.ToString();
        Entries = await BackupSupport.EntriesAsync(Archive);
        Manifest = BackupSupport.Manifest(Entries);
    }

    public Task DisposeAsync()
    {
        BackupSupport.DeleteDirectory(Folder);
        return Task.CompletedTask;
    }
}

/// <summary>What restore checks before it writes anything, and what backup refuses.</summary>
[Collection(BackupRuns.Name)]
public sealed class BackupArchiveChecksTests(SmallBackupFixture backup) : IClassFixture<SmallBackupFixture>
{
    private static Dictionary<string, string?> Settings(string data, string? keyFile = null) => new()
    {
        ["BackOffice:DataDirectory"] = data, ["BackOffice:Encryption:KeyFile"] = keyFile ?? TestEncryption.KeyFile,
    };

    // The host makes the (empty) data directory as it is built, as for every command; restore adds nothing to it.
    private static void NothingIn(string data)
    {
        if (Directory.Exists(data)) Directory.EnumerateFileSystemEntries(data).ShouldBeEmpty();
    }

    [Fact]
    public async Task Backup_PrintsTheKeyItNeeds_AndNeverOverwritesAFile()
    {
        var key = KeyEncryptionKey.FromFile(TestEncryption.KeyFile);
        backup.BackupOutput.ShouldContain($"Keys needed to restore it (kept apart from the backup, never in it): {key.Id} ({TestEncryption.KeyFile})");
        var before = File.GetLastWriteTimeUtc(backup.Archive);
        await using var live = new BackOfficeFactory();
        var output = new StringWriter();

        (await BackupCommand.RunAsync(live.Services, backup.Archive, output)).ShouldBe(1);

        output.ToString().ShouldContain("a backup never overwrites a file");
        File.GetLastWriteTimeUtc(backup.Archive).ShouldBe(before);
        Directory.GetFileSystemEntries(backup.Folder).ShouldBe([backup.Archive], "no partial or work files are left behind");
    }

    [Fact]
    public async Task Backup_AndKeyRotation_RefuseToStart_WhileTheOtherHoldsTheFiles()
    {
        await using var live = new BackOfficeFactory();
        var files = live.Services.GetRequiredService<StoredFiles>().FilesDirectory;
        var archive = Path.Combine(backup.Folder, "during-a-rotation.tar.gz");
        var backupOutput = new StringWriter();
        var rotationOutput = new StringWriter();

        using (var rotation = MaintenanceLock.TryTake(files).ShouldNotBeNull()) // as `encryption rotate` holds it for its run
            (await BackupCommand.RunAsync(live.Services, archive, backupOutput)).ShouldBe(1);
        using (var running = MaintenanceLock.TryTake(files).ShouldNotBeNull()) // as a backup holds it for its run
        {
            (await BackOfficeCommands.RunAsync(live.Services, ["encryption", "rotate"], rotationOutput)).ShouldBe(1);
            MaintenanceLock.TryTake(files).ShouldBeNull();
        }

        backupOutput.ToString().ShouldContain("already running");
        rotationOutput.ToString().ShouldContain("already running");
        rotationOutput.ToString().ShouldNotContain("re-wrapped");
        File.Exists(archive).ShouldBeFalse();
        using var afterwards = MaintenanceLock.TryTake(files).ShouldNotBeNull("released when the command ends");
    }

    [Fact]
    public void Backup_HoldsMailingBatchesAndUploadsOfUnsentRequests_ButNoFileNoRecordNames()
    {
        backup.Entries.Keys.ShouldContain($"{BackupLayout.MailingPrefix}{backup.MailingBatchId}.json");
        backup.Entries.Keys.ShouldContain($"{BackupLayout.MailingPrefix}{backup.MailingBatchId}.pdf");
        backup.Entries.Keys.ShouldContain(BackupLayout.DocumentsPrefix + backup.StagedUploadKey);
        backup.Entries.Keys.ShouldNotContain(BackupLayout.DocumentsPrefix + backup.UnnamedFileKey);
        backup.Manifest.Counts.StagedUploads.ShouldBe(1);
        backup.Manifest.Counts.StoredFiles.ShouldBe(backup.Manifest.Counts.Documents + 1 + 2 + 1, "documents, the upload, the batch's two files, the check");
    }

    [Fact]
    public async Task Backup_OfADocumentWhoseFileIsGone_SaysSo_AndListsItInTheManifest()
    {
        await using var live = new BackOfficeFactory();
        using (var load = await IntakeLoad.StartAsync(live, clients: 1))
        {
            await load.WaitForAsync(1);
            await load.StopAsync();
        }

        var lost = (await BackupSupport.StoredRequestsAsync(live)).Values.First().Documents[0].StorageKey;
        File.Delete(Path.Combine(live.DataDirectory, "documents", lost));
        var archive = Path.Combine(BackupSupport.NewDirectory("lost"), "backoffice.tar.gz");
        try
        {
            var output = new StringWriter();
            (await BackupCommand.RunAsync(live.Services, archive, output)).ShouldBe(0, output.ToString());

            output.ToString().ShouldContain("Warning: 1 document(s) the database names had no file when copied");
            var entries = await BackupSupport.EntriesAsync(archive);
            BackupSupport.Manifest(entries).MissingDocuments.ShouldBe([lost]);
            entries.Keys.ShouldNotContain(BackupLayout.DocumentsPrefix + lost);
        }
        finally
        {
            BackupSupport.DeleteDirectory(Path.GetDirectoryName(archive)!);
        }
    }

    [Fact]
    public async Task Restore_IntoAnEmptyDirectory_TakesTheBackup_AndASecondRestoreThereIsRefused()
    {
        var data = BackupSupport.NewDirectory("again");
        try
        {
            var (exit, output) = await BackupSupport.RunCommandAsync(["restore", backup.Archive], Settings(data));
            exit.ShouldBe(0, output);
            File.Exists(Path.Combine(data, "backoffice.db")).ShouldBeTrue();
            Directory.GetFiles(Path.Combine(data, "documents"), "*", SearchOption.AllDirectories).Length.ShouldBe((int)backup.Manifest.Counts.Documents + 1);
            File.Exists(Path.Combine(data, "documents", backup.StagedUploadKey)).ShouldBeTrue();
            File.Exists(Path.Combine(data, "mailing", backup.MailingBatchId + ".pdf")).ShouldBeTrue();
            File.Exists(Path.Combine(data, "encryption-check")).ShouldBeTrue();
            File.Exists(Path.Combine(data, "hangfire.db")).ShouldBeTrue();

            (exit, output) = await BackupSupport.RunCommandAsync(["restore", backup.Archive], Settings(data));
            exit.ShouldBe(1);
            output.ShouldContain("is not empty");
        }
        finally
        {
            BackupSupport.DeleteDirectory(data);
        }
    }

    [Fact]
    public async Task Restore_WithAnotherKey_NamesTheKeyTheBackupNeeds_AndWritesNothing()
    {
        var data = BackupSupport.NewDirectory("other-key");
        var otherKey = TestEncryption.NewKeyFile();
        var needed = KeyEncryptionKey.FromFile(TestEncryption.KeyFile).Id;
        try
        {
            var (exit, output) = await BackupSupport.RunCommandAsync(["restore", backup.Archive], Settings(data, otherKey));

            exit.ShouldBe(1);
            output.ShouldContain($"The configured key ({KeyEncryptionKey.FromFile(otherKey).Id}) cannot open this backup. It needs key {needed} "
                + $"(configured as {TestEncryption.KeyFile} when the backup was made; it wraps {backup.Manifest.Counts.StoredFiles} stored files)");
            output.ShouldContain("Nothing was restored");
            NothingIn(data);
        }
        finally
        {
            BackupSupport.DeleteDirectory(data);
            File.Delete(otherKey);
        }
    }

    [Theory]
    [InlineData("a document altered", "does not match its manifest")]
    [InlineData("a document left out", "does not match its manifest")]
    [InlineData("a file added", "does not match its manifest")]
    [InlineData("a path outside the data directory", "which a BackOffice backup never holds")]
    [InlineData("no manifest", "has no manifest.json")]
    public async Task Restore_OfAnAlteredArchive_IsRefused_AndWritesNothing(string alteration, string message)
    {
        var data = BackupSupport.NewDirectory("altered");
        var altered = Path.Combine(backup.Folder, $"altered-{Guid.NewGuid():N}.tar.gz");
        var document = backup.Entries.Keys.First(k => k.StartsWith(BackupLayout.DocumentsPrefix, StringComparison.Ordinal));
        try
        {
            await BackupSupport.RewriteAsync(backup.Entries, altered, entries =>
            {
                switch (alteration)
                {
                    case "a document altered":
                        var bytes = entries[document].ToArray();
                        bytes[^1] ^= 1;
                        entries[document] = bytes;
                        break;
                    case "a document left out":
                        entries.Remove(document);
                        break;
                    case "a file added":
                        entries[BackupLayout.DocumentsPrefix + "2026/" + new string('a', 32)] = entries[document];
                        break;
                    case "a path outside the data directory":
                        entries["files/documents/../../../outside"] = [1];
                        break;
                    default:
                        entries.Remove(BackupLayout.Manifest);
                        break;
                }
            });

            var (exit, output) = await BackupSupport.RunCommandAsync(["restore", altered], Settings(data));

            exit.ShouldBe(1);
            output.ShouldContain(message);
            output.ShouldContain("Nothing was restored");
            NothingIn(data);
        }
        finally
        {
            BackupSupport.DeleteDirectory(data);
            File.Delete(altered);
        }
    }
}
