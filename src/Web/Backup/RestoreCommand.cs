using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Web.Encryption;
using BackOffice.Workflows;
using BackOffice.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BackOffice.Web.Backup;

/// <summary>
/// <c>restore &lt;file&gt;</c>: puts a backup back into an empty data directory (and, on PostgreSQL, an empty database),
/// with the app's current settings. Nothing is written before the whole archive was read and checked: every entry
/// against the manifest (size and SHA-256), and every stored file's data key unwrapped with the configured key. It
/// never overwrites: a directory or database that holds anything is refused.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        var archive = Path.GetFullPath(file);
        if (!File.Exists(archive))
        {
            output.WriteLine($"There is no backup at {archive}.");
            return 1;
        }

        var workflows = services.GetRequiredService<WorkflowsOptions>();
        var target = new Target(
            Path.GetFullPath(workflows.Database.DataDirectory),
            Path.GetFullPath(workflows.StoredFilesDirectory),
            workflows.Database.Provider,
            workflows.Database.Provider == DatabaseProvider.Sqlite ? BackupCommand.SqliteFile(workflows.Database) : null,
            workflows.Database.ConnectionString);
        var created = new List<string>();
        try
        {
            var pgRestore = target.Provider == DatabaseProvider.PostgreSql
                ? PostgresTools.Locate("pg_restore", services.GetRequiredService<IConfiguration>())
                    ?? throw new BackupException(PostgresTools.NotFoundMessage("pg_restore"))
                : null;
            await RefuseUnlessEmptyAsync(target, cancellationToken);
            var keys = services.GetRequiredService<KeyRing>();
            var manifest = await VerifyAsync(archive, keys, cancellationToken);
            if (!string.Equals(manifest.DatabaseProvider, target.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException($"This backup is of a {manifest.DatabaseProvider} database and the app is configured for "
                    + $"{target.Provider} (BackOffice:Database:Provider): restore it onto the provider it was made from.");
            }

            if (pgRestore is null)
            {
                await ExtractAsync(archive, target, created, null, cancellationToken);
                await CheckSqliteAsync(target.SqliteFile!, cancellationToken);
            }
            else
            {
                // Nodes starting meanwhile wait for the restore instead of creating a schema in the empty database.
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BackOffice.Web.Backup.Restore");
                await using (await StartupLock.AcquireAsync(workflows.Database, logger, cancellationToken))
                {
                    await RefuseUnlessEmptyAsync(target, cancellationToken);
                    await ExtractAsync(archive, target, created, pgRestore, cancellationToken);
                }
            }

            output.WriteLine($"Restored the backup made {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC by BackOffice {manifest.AppVersion}: "
                + $"{manifest.Counts.Requests} requests, {manifest.Counts.Documents} documents, {manifest.Counts.JournalEntries} journal entries, "
                + $"{manifest.Counts.StoredFiles} stored files, into {target.DataDirectory}"
                + (target.FilesDirectory != target.DataDirectory ? $" and {target.FilesDirectory}" : "")
                + (target.Provider == DatabaseProvider.PostgreSql ? " and the configured PostgreSQL database" : "") + ".");
            output.WriteLine("Start the app with these settings and the same key; it checks the key and brings the database up to date.");
            return 0;
        }
        catch (Exception e) when (e is BackupException or EncryptionKeyException or IOException or UnauthorizedAccessException
                                      or InvalidDataException or FormatException or JsonException or SqliteException or NpgsqlException)
        {
            Undo(created);
            var nothing = created.Count == 0 ? "Nothing was restored" : "What was written has been removed again";
            output.WriteLine(e is BackupException or EncryptionKeyException
                ? $"{e.Message} {nothing}."
                : $"The backup {archive} cannot be restored: {e.Message} {nothing}.");
            return 1;
        }
    }

    private static readonly string[] FilesDirectoryContents = ["documents", "mailing", "encryption-check"];

    private sealed record Target(string DataDirectory, string FilesDirectory, DatabaseProvider Provider, string? SqliteFile, string? ConnectionString);

    private static async Task RefuseUnlessEmptyAsync(Target target, CancellationToken cancellationToken)
    {
        if (Directory.Exists(target.DataDirectory) && Directory.EnumerateFileSystemEntries(target.DataDirectory).Any())
        {
            throw new BackupException($"The data directory {target.DataDirectory} is not empty. A backup is restored into an empty data "
                + "directory only, never over data: set BackOffice:DataDirectory to a new folder, or move this one aside.");
        }

        if (target.FilesDirectory != target.DataDirectory
            && FilesDirectoryContents.Any(name => Path.Exists(Path.Combine(target.FilesDirectory, name))))
        {
            throw new BackupException($"The files directory {target.FilesDirectory} already holds documents, mailing batches or an "
                + "encryption check. A backup is restored into an empty files directory only: set BackOffice:FilesDirectory to a new folder.");
        }

        if (target.SqliteFile is { } database && File.Exists(database))
            throw new BackupException($"A database exists at {database}. A backup is restored only where there is none.");

        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%') "
                + "+ (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%')",
                connection);
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                throw new BackupException($"The PostgreSQL database {connection.Database} is not empty. A backup is restored into an empty "
                    + $"database only: create one (CREATE DATABASE … OWNER …) and point BackOffice:Database:ConnectionString at it.");
            }
        }
    }

    /// <summary>Reads the whole archive once: every entry hashed and checked against the manifest, every stored file's key tried.</summary>
    private static async Task<BackupManifest> VerifyAsync(string archive, KeyRing keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, BackupEntry>(StringComparer.Ordinal);
        var keyMissing = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unopened = new List<string>();
        BackupManifest? manifest = null;
        await ReadEntriesAsync(archive, async (entry, data) =>
        {
            if (entry.Name == BackupLayout.Manifest)
            {
                manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(data, BackupManifest.Json, cancellationToken);
                return;
            }

            if (!found.TryAdd(entry.Name, new BackupEntry(entry.Name, 0, "")))
                throw new BackupException($"The archive holds {entry.Name} twice: it was altered, so it is not restored.");
            await using var hashing = new HashingReadStream(data);
            await hashing.CopyToAsync(Stream.Null, cancellationToken);
            found[entry.Name] = new BackupEntry(entry.Name, hashing.BytesRead, hashing.Sha256);
            if (BackupLayout.IsStoredFile(entry.Name)) TryUnwrap(hashing.Head.ToArray(), keys, entry.Name, keyMissing, unopened);
        }, cancellationToken);

        if (manifest is null)
            throw new BackupException("The archive has no manifest.json: it is not a BackOffice backup, or it was cut short.");
        if (manifest.Format != BackupManifest.CurrentFormat)
            throw new BackupException($"The archive is in the format {manifest.Format}, which this version does not read ({BackupManifest.CurrentFormat}).");
        var listed = manifest.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var differing = listed.Keys.Union(found.Keys, StringComparer.Ordinal)
            .Where(name => !listed.TryGetValue(name, out var expected) || !found.TryGetValue(name, out var actual) || expected != actual)
            .Order(StringComparer.Ordinal).ToList();
        if (differing.Count > 0)
        {
            throw new BackupException($"The archive does not match its manifest: {differing.Count} entries are missing, extra or altered "
                + $"(the first: {differing[0]}). It is damaged or incomplete.");
        }

        var configured = keys.Previous.Prepend(keys.Current).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in manifest.Keys.DatabaseKeyIds.Where(id => !configured.Contains(id))) keyMissing.TryAdd(id, 0);
        if (keyMissing.Count > 0)
        {
            var needed = keyMissing.Select(k => $"key {k.Key} (configured as {manifest.Keys.SourceOf(k.Key) ?? "unknown"} when the backup was made"
                + (k.Value > 0 ? $"; it wraps {k.Value} stored files)" : "; the database's encrypted values are under it)"));
            throw new BackupException($"The configured key ({keys.Current.Id}) cannot open this backup. It needs {string.Join(" and ", needed)}. "
                + "Configure that key as BackOffice:Encryption:KeyFile (or list it in BackOffice:Encryption:PreviousKeyFiles) and run restore again.");
        }

        if (unopened.Count > 0)
        {
            throw new BackupException($"{unopened.Count} stored files in the archive could not be opened with their key (the first: {unopened[0]}): "
                + "they were altered, or the key file holds a different key than when the backup was made.");
        }

        return manifest;
    }

    // Unwraps the file's data key (32 bytes, from the header) with the configured key: proves the key without decrypting the file.
    private static void TryUnwrap(byte[] header, KeyRing keys, string name, SortedDictionary<string, int> keyMissing, List<string> unopened)
    {
        var keyId = BackupArchiveWriter.KeyIdOf(header);
        if (keyId is null) return; // a file stored before encryption: the app encrypts it on its first start
        if (!keys.Previous.Prepend(keys.Current).Any(k => k.Id == keyId))
        {
            keyMissing[keyId] = keyMissing.TryGetValue(keyId, out var count) ? count + 1 : 1;
            return;
        }

        try
        {
            CryptographicOperations.ZeroMemory(Envelope.Unwrap(header, keys, name));
        }
        catch (Exception e) when (e is EncryptionKeyException or InvalidDataException)
        {
            unopened.Add(name);
        }
    }

    private static async Task ExtractAsync(string archive, Target target, List<string> created, string? pgRestore, CancellationToken cancellationToken)
    {
        await ReadEntriesAsync(archive, async (entry, data) =>
        {
            if (entry.Name == BackupLayout.Manifest) return;
            if (entry.Name == BackupLayout.PostgresDump)
            {
                var database = new NpgsqlConnectionStringBuilder(target.ConnectionString).Database;
                var (exitCode, errors) = await PostgresTools.RunAsync(pgRestore!,
                    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", $"--dbname={database}"],
                    target.ConnectionString!, data, cancellationToken);
                if (exitCode != 0) throw new BackupException($"pg_restore failed (exit code {exitCode}): {errors}");
                return;
            }

            var path = BackupLayout.TargetOf(entry.Name, target.DataDirectory, target.FilesDirectory, target.SqliteFile ?? "")
                ?? throw new BackupException($"The archive holds {entry.Name}, which a backup never holds.");
            CreateDirectories(Path.GetDirectoryName(path)!, created);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var file = new FileStream(path, options))
            {
                created.Add(path);
                await data.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.SetLastWriteTimeUtc(path, entry.ModificationTime.UtcDateTime);
        }, cancellationToken);
    }

    private static async Task CheckSqliteAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (result != "ok") throw new BackupException($"The restored database fails SQLite's check ({result}).");
    }

    private static async Task ReadEntriesAsync(string archive, Func<TarEntry, Stream, Task> each, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsAllowed(entry.Name))
                throw new BackupException($"The archive holds {entry.Name}, which a BackOffice backup never holds: it is not one, or it was altered.");
            await each(entry, entry.DataStream ?? Stream.Null);
        }
    }

    private static bool IsAllowed(string name) => name == BackupLayout.Manifest || BackupLayout.IsKnown(name);

    // Each folder made (owner only, as the app makes them) is noted, so a failed restore leaves nothing behind.
    private static void CreateDirectories(string directory, List<string> created)
    {
        if (Directory.Exists(directory)) return;
        CreateDirectories(Path.GetDirectoryName(directory)!, created);
        BackupCommand.CreatePrivateDirectory(directory);
        created.Add(directory);
    }

    private static void Undo(List<string> created)
    {
        foreach (var path in Enumerable.Reverse(created))
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
                else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // left for the operator; the message says the restore failed
            }
        }
    }
}
