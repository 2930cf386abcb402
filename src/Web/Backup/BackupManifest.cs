using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOffice.Web.Backup;

/// <summary>
/// <c>manifest.json</c>, the last entry of a backup archive: what it holds (every entry with its size and SHA-256), what
/// the database snapshot counted, and the keys the stored files and the database's encrypted values need — their ids and
/// where the key was configured, never the key itself.
/// </summary>
public sealed record BackupManifest
{
    public const string CurrentFormat = "backoffice-backup/1";

    public string Format { get; init; } = CurrentFormat;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The version of the app that made the backup.</summary>
    public string AppVersion { get; init; } = "";

    /// <summary><c>Sqlite</c> or <c>PostgreSql</c>: a backup is restored onto the provider it was made from.</summary>
    public string DatabaseProvider { get; init; } = "";

    /// <summary>The newest migration the database had (start-up refuses one newer than its build knows).</summary>
    public string? LastMigration { get; init; }

    public BackupCounts Counts { get; init; } = new();

    public BackupKeys Keys { get; init; } = new();

    /// <summary>Every other entry of the archive.</summary>
    public IReadOnlyList<BackupEntry> Entries { get; init; } = [];

    /// <summary>Documents the database snapshot names whose file was gone when it was copied (should be none).</summary>
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>Counted in the database snapshot the archive holds.</summary>
public sealed record BackupCounts
{
    public long Requests { get; init; }

    public long Documents { get; init; }

    public long JournalEntries { get; init; }

    /// <summary>Uploads of online requests not yet sent; their files are in the archive when they were complete.</summary>
    public long StagedUploads { get; init; }

    /// <summary>Documents, mailing batch files and the encryption check copied into <c>files/</c>.</summary>
    public long StoredFiles { get; init; }
}

/// <summary>Which keys the backup needs. The key material is never in the archive: it is kept apart from backups.</summary>
public sealed record BackupKeys
{
    /// <summary>The key new files were wrapped with when the backup was made.</summary>
    public BackupKeyReference Current { get; init; } = new("", "");

    public IReadOnlyList<BackupKeyReference> Previous { get; init; } = [];

    /// <summary>How many of the archive's stored files each key id wraps.</summary>
    public IReadOnlyDictionary<string, int> FilesByKey { get; init; } = new Dictionary<string, int>();

    /// <summary>The ids of the keys the database's encrypted values are under (table <c>EncryptionKeys</c>).</summary>
    public IReadOnlyList<string> DatabaseKeyIds { get; init; } = [];

    /// <summary>Every key id the archive needs to be read.</summary>
    public IEnumerable<string> Needed() => FilesByKey.Keys.Concat(DatabaseKeyIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Where the key with this id was configured when the backup was made (a key file's path, or the variable's name).</summary>
    public string? SourceOf(string keyId) => Previous.Prepend(Current).FirstOrDefault(k => k.Id == keyId)?.Source;
}

public sealed record BackupKeyReference(string Id, string Source);

public sealed record BackupEntry(string Path, long Bytes, string Sha256);
