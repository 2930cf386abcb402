using System.Reflection;
using BackOffice.Web.Encryption;
using BackOffice.Web.Jobs;
using BackOffice.Workflows;
using BackOffice.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace BackOffice.Web.Backup;

/// <summary>
/// <c>backup &lt;file&gt;</c>: one archive holding a consistent copy of the database, the stored documents and mailing
/// batches as stored (encrypted; nothing is decrypted) and the ids of the keys they need, taken while the app runs.
/// Order matters: the database snapshot first, then the files it names. Documents are written (and flushed) before the
/// commit that names them and never change afterwards, so every document the snapshot names is complete on disk when it
/// is copied; a file still being written names no request yet and is left out.
/// </summary>
public static class BackupCommand
{
    /// <summary>
    /// An online request's upload is recorded just before its file is written from the form already received, which
    /// takes well under a second; an upload recorded less than this before the snapshot is copied only once this has passed.
    /// </summary>
    public static readonly TimeSpan UploadWriteAllowance = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        var archive = Path.GetFullPath(file);
        if (File.Exists(archive) || Directory.Exists(archive))
        {
            output.WriteLine($"{archive} exists; a backup never overwrites a file. Give a new file name.");
            return 1;
        }

        var workflows = services.GetRequiredService<WorkflowsOptions>();
        using var maintenance = Commands.MaintenanceLock.TryTake(workflows.StoredFilesDirectory);
        if (maintenance is null)
        {
            output.WriteLine(Commands.MaintenanceLock.Busy("the backup"));
            return 1;
        }

        var partial = $"{archive}.{Guid.NewGuid():N}.partial";
        var work = $"{archive}.{Guid.NewGuid():N}.work";
        try
        {
            var keys = services.GetRequiredService<KeyRing>();
            var stored = services.GetRequiredService<StoredFiles>();
            var time = services.GetRequiredService<TimeProvider>();
            var pgDump = workflows.Database.Provider == DatabaseProvider.PostgreSql
                ? PostgresTools.Locate("pg_dump", services.GetRequiredService<IConfiguration>())
                    ?? throw new BackupException(PostgresTools.NotFoundMessage("pg_dump"))
                : null;
            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            CreatePrivateDirectory(work);

            // 1. The database, as of one moment.
            var createdAt = time.GetUtcNow();
            var databases = new List<(string Entry, string Path)>();
            SnapshotContents contents;
            if (pgDump is not null)
            {
                var dump = Path.Combine(work, "backoffice.pgdump");
                contents = await DatabaseSnapshots.DumpPostgresAsync(workflows.Database.ConnectionString!, pgDump, dump, cancellationToken);
                databases.Add((BackupLayout.PostgresDump, dump));
            }
            else
            {
                var source = SqliteFile(workflows.Database);
                if (!File.Exists(source)) throw new BackupException($"There is no database at {source}: check BackOffice:DataDirectory.");
                var copy = Path.Combine(work, "backoffice.db");
                await DatabaseSnapshots.CopySqliteAsync(source, copy, cancellationToken);
                contents = await DatabaseSnapshots.ReadSqliteAsync(copy, cancellationToken);
                databases.Add((BackupLayout.SqliteDatabase, copy));
                var jobs = Path.Combine(workflows.Database.DataDirectory, JobsServiceCollectionExtensions.SqliteFileName);
                if (File.Exists(jobs))
                {
                    var jobsCopy = Path.Combine(work, JobsServiceCollectionExtensions.SqliteFileName);
                    await DatabaseSnapshots.CopySqliteAsync(jobs, jobsCopy, cancellationToken);
                    databases.Add((BackupLayout.HangfireDatabase, jobsCopy));
                }
            }

            await using var writer = BackupArchiveWriter.Create(partial);

            // 2. The files the snapshot names, then the mailing batches and the encryption check (each written whole under
            // a temporary name and renamed, so any one present is complete).
            var filesByKey = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var missing = new List<string>();
            var documents = Path.Combine(stored.FilesDirectory, "documents");
            foreach (var key in contents.DocumentKeys.Order(StringComparer.Ordinal))
            {
                if (!BackupLayout.IsKnown(BackupLayout.DocumentsPrefix + key)
                    || !await AddStoredFileAsync(writer, BackupLayout.DocumentsPrefix + key, DocumentPath(documents, key), filesByKey, cancellationToken))
                    missing.Add(key);
            }

            await WaitForUploadsBeingWrittenAsync(contents.StagedUploads, time, cancellationToken);
            var documentKeys = contents.DocumentKeys.ToHashSet(StringComparer.Ordinal);
            foreach (var upload in contents.StagedUploads
                         .Where(u => !documentKeys.Contains(u.StorageKey) && BackupLayout.IsKnown(BackupLayout.DocumentsPrefix + u.StorageKey))
                         .OrderBy(u => u.StorageKey, StringComparer.Ordinal))
            {
                // An upload replaced or abandoned after the snapshot has lost its file; the app forgets its record by itself.
                await AddStoredFileAsync(writer, BackupLayout.DocumentsPrefix + upload.StorageKey, DocumentPath(documents, upload.StorageKey),
                    filesByKey, cancellationToken);
            }

            var mailing = Path.Combine(stored.FilesDirectory, "mailing");
            if (Directory.Exists(mailing))
            {
                // Only a batch's own files (its record and PDF), not the temporary file of one being written.
                foreach (var path in Directory.EnumerateFiles(mailing).Order(StringComparer.Ordinal))
                {
                    var entry = BackupLayout.MailingPrefix + Path.GetFileName(path);
                    if (BackupLayout.IsKnown(entry)) await AddStoredFileAsync(writer, entry, path, filesByKey, cancellationToken);
                }
            }

            await AddStoredFileAsync(writer, BackupLayout.EncryptionCheck, stored.CheckFile, filesByKey, cancellationToken);
            var storedFiles = filesByKey.Values.Sum();

            // 3. Messages written to the pickup folder when no SMTP server is configured (shown at /Staff/Messages).
            var mail = Path.Combine(workflows.Database.DataDirectory, "mail");
            if (Directory.Exists(mail))
            {
                foreach (var path in Directory.EnumerateFiles(mail, "*.eml").Order(StringComparer.Ordinal))
                {
                    var entry = BackupLayout.MailPrefix + Path.GetFileName(path);
                    if (BackupLayout.IsKnown(entry)) await writer.AddFileAsync(entry, path, cancellationToken);
                }
            }

            // 4. The database copies last, so a restore puts the files in place before the database that names them.
            foreach (var (entry, path) in databases) await writer.AddFileAsync(entry, path, cancellationToken);

            var manifest = new BackupManifest
            {
                CreatedAt = createdAt,
                AppVersion = AppVersion,
                DatabaseProvider = workflows.Database.Provider.ToString(),
                LastMigration = contents.LastMigration,
                Counts = new BackupCounts
                {
                    Requests = contents.Requests,
                    Documents = contents.Documents,
                    JournalEntries = contents.JournalEntries,
                    StagedUploads = contents.StagedUploads.Count,
                    StoredFiles = storedFiles,
                },
                Keys = new BackupKeys
                {
                    Current = new BackupKeyReference(keys.Current.Id, keys.Current.Source),
                    Previous = [.. keys.Previous.Select(k => new BackupKeyReference(k.Id, k.Source))],
                    FilesByKey = filesByKey,
                    DatabaseKeyIds = contents.DatabaseKeyIds,
                },
                Entries = [.. writer.Entries],
                MissingDocuments = missing,
            };
            await writer.CompleteAsync(manifest, cancellationToken);
            await writer.DisposeAsync();
            File.Move(partial, archive, overwrite: false);

            output.WriteLine($"Backup written to {archive}: {contents.Requests} requests, {contents.Documents} documents, "
                + $"{contents.JournalEntries} journal entries, {storedFiles} stored files (encrypted as stored), "
                + $"{new FileInfo(archive).Length / (1024 * 1024.0):0.0} MB.");
            output.WriteLine($"Keys needed to restore it (kept apart from the backup, never in it): {string.Join(", ", manifest.Keys.Needed().Select(id =>
                $"{id} ({manifest.Keys.SourceOf(id) ?? "not configured now"})"))}.");
            if (missing.Count > 0)
            {
                output.WriteLine($"Warning: {missing.Count} document(s) the database names had no file when copied (storage keys in the manifest's "
                    + "missingDocuments); they were already missing from the files directory.");
            }

            return 0;
        }
        catch (Exception e) when (e is BackupException or EncryptionKeyException or IOException or UnauthorizedAccessException
                                      or SqliteException or Npgsql.NpgsqlException)
        {
            output.WriteLine($"Backup failed, nothing written to {archive}: {e.Message}");
            return 1;
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The app's version, as the build stamped it.</summary>
    public static string AppVersion { get; } =
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The SQLite file the app keeps its requests, staff accounts and key ring in.</summary>
    internal static string SqliteFile(DatabaseOptions database) => Path.GetFullPath(string.IsNullOrWhiteSpace(database.ConnectionString)
        ? Path.Combine(database.DataDirectory, "backoffice.db")
        : new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);

    internal static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string DocumentPath(string documents, string storageKey) =>
        Path.Combine(documents, storageKey.Replace('/', Path.DirectorySeparatorChar));

    private static async Task<bool> AddStoredFileAsync(BackupArchiveWriter writer, string entry, string path, SortedDictionary<string, int> filesByKey,
        CancellationToken cancellationToken)
    {
        if (await writer.AddFileAsync(entry, path, cancellationToken) is not { } added) return false;
        var keyId = added.KeyId ?? "not encrypted";
        filesByKey[keyId] = filesByKey.TryGetValue(keyId, out var count) ? count + 1 : 1;
        return true;
    }

    private static async Task WaitForUploadsBeingWrittenAsync(IReadOnlyList<StagedFile> uploads, TimeProvider time, CancellationToken cancellationToken)
    {
        if (uploads.Count == 0) return;
        var wait = uploads.Max(u => u.StagedAt) + UploadWriteAllowance - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait < UploadWriteAllowance ? wait : UploadWriteAllowance, time, cancellationToken);
    }
}
