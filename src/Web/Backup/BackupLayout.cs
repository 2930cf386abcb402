using System.Text.RegularExpressions;

namespace BackOffice.Web.Backup;

/// <summary>
/// The names inside a backup archive and where each goes back to. Restore writes only names of these shapes, so an
/// altered archive cannot place a file outside the data and files directories.
/// </summary>
public static partial class BackupLayout
{
    public const string Manifest = "manifest.json";
    public const string SqliteDatabase = "database/backoffice.db";
    public const string HangfireDatabase = "database/hangfire.db";
    public const string PostgresDump = "database/backoffice.pgdump";
    public const string EncryptionCheck = "files/encryption-check";
    public const string DocumentsPrefix = "files/documents/";
    public const string MailingPrefix = "files/mailing/";
    public const string MailPrefix = "data/mail/";

    /// <summary>Where the entry goes under the app's current settings, or null for a name a backup never holds.</summary>
    public static string? TargetOf(string entryName, string dataDirectory, string filesDirectory, string sqliteDatabase)
    {
        ArgumentNullException.ThrowIfNull(entryName);
        return entryName switch
        {
            SqliteDatabase => sqliteDatabase,
            HangfireDatabase => Path.Combine(dataDirectory, Jobs.JobsServiceCollectionExtensions.SqliteFileName),
            EncryptionCheck => Path.Combine(filesDirectory, "encryption-check"),
            _ when DocumentEntry().IsMatch(entryName) =>
                Path.Combine(filesDirectory, "documents", entryName[DocumentsPrefix.Length..].Replace('/', Path.DirectorySeparatorChar)),
            _ when MailingEntry().IsMatch(entryName) => Path.Combine(filesDirectory, "mailing", entryName[MailingPrefix.Length..]),
            _ when MailEntry().IsMatch(entryName) => Path.Combine(dataDirectory, "mail", entryName[MailPrefix.Length..]),
            _ => null,
        };
    }

    /// <summary>A name a backup holds besides the manifest (the database, a stored file, a message).</summary>
    public static bool IsKnown(string entryName) =>
        entryName == PostgresDump || TargetOf(entryName, "data", "files", "database") is not null;

    /// <summary>Entries holding a file encrypted by the app (an envelope whose header names its key).</summary>
    public static bool IsStoredFile(string entryName) =>
        entryName == EncryptionCheck || DocumentEntry().IsMatch(entryName) || MailingEntry().IsMatch(entryName);

    // The document store's keys (yyyy/<32 hex>), the mailing batches' files and the pickup folder's messages.
    [GeneratedRegex("^files/documents/[0-9]{4}/[0-9a-f]{32}$")]
    private static partial Regex DocumentEntry();

    [GeneratedRegex("^files/mailing/[A-Za-z0-9_-]{1,100}\\.(pdf|json)$")]
    private static partial Regex MailingEntry();

    [GeneratedRegex("^data/mail/[A-Za-z0-9_.-]{1,200}\\.eml$")]
    private static partial Regex MailEntry();
}
