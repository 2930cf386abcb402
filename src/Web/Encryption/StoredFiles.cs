using BackOffice.Workflows;

namespace BackOffice.Web.Encryption;

/// <summary>
/// The encrypted files of one data directory — documents, mailing batches, the Data Protection key ring and a small
/// key-check file — with the start-up check and the key rotation over all of them.
/// </summary>
public sealed class StoredFiles(AtRestEncryption encryption, WorkflowsOptions workflows, ILogger<StoredFiles> logger)
{
    private static readonly byte[] CheckContent = "BackOffice encryption key check, format 1"u8.ToArray();

    public string DataDirectory { get; } = workflows.Database.DataDirectory;

    /// <summary>Where the documents and mailing batches are (the data directory, or a folder every node mounts).</summary>
    public string FilesDirectory { get; } = workflows.StoredFilesDirectory;

    /// <summary>Encrypted with the key every time a files directory is first used; opening it proves the key is right.</summary>
    public string CheckFile => Path.Combine(FilesDirectory, "encryption-check");

    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    /// <summary>Every stored document and mailing batch file (not the temporary files of a write under way).</summary>
    public IEnumerable<string> DataFiles()
    {
        var documents = Path.Combine(FilesDirectory, "documents");
        if (Directory.Exists(documents))
        {
            foreach (var file in Directory.EnumerateFiles(documents, "*", SearchOption.AllDirectories))
            {
                if (!file.EndsWith(".tmp", StringComparison.Ordinal)) yield return file;
            }
        }

        var mailing = Path.Combine(FilesDirectory, "mailing");
        if (!Directory.Exists(mailing)) yield break;
        foreach (var file in Directory.EnumerateFiles(mailing))
        {
            if (file.EndsWith(".pdf", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)) yield return file;
        }
    }

    /// <summary>
    /// Run before the app serves anything: the configured key must open this data directory's check file, or start-up
    /// stops with <see cref="EncryptionKeyException"/> saying which key is expected. On a directory's first start with
    /// encryption, files stored plain before are encrypted and the check file is written.
    /// </summary>
    public static async Task VerifyAtStartupAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            await services.GetRequiredService<StoredFiles>().VerifyOrEncryptAsync(cancellationToken);
        }
        catch (EncryptionKeyException e)
        {
            // Logged as well as thrown, so log collectors see why the node did not start, not only the console.
            services.GetRequiredService<ILogger<StoredFiles>>().LogCritical("Not starting: {Reason}", e.Message);
            throw;
        }
    }

    private async Task VerifyOrEncryptAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(FilesDirectory);
        if (File.Exists(CheckFile))
        {
            VerifyCheckFile();
            return;
        }

        var encrypted = 0;
        foreach (var file in DataFiles())
        {
            if (AtRestEncryption.IsEncrypted(file))
            {
                // The check file went missing but the files were written with some key: it must be one we have.
                OpenHeaderOf(file);
                continue;
            }

            await encryption.EncryptInPlaceAsync(file, cancellationToken);
            encrypted++;
        }

        var keys = DataProtectionKeyFiles.Protect(KeysDirectory, encryption);
        if (encrypted + keys > 0)
            logger.LogWarning("Encrypted {Files} stored files and {Keys} Data Protection keys that were kept unencrypted before", encrypted, keys);
        await encryption.WriteFileAsync(CheckFile, CheckContent, cancellationToken);
        logger.LogInformation("Stored files in this data directory are encrypted with key {KeyId}", encryption.Keys.Current.Id);
    }

    /// <summary>
    /// Wraps every file's data key (and every Data Protection key) with the current key, so the previous keys can be
    /// removed from the settings. Files are not re-encrypted; a rotation stopped half-way is finished by running it again.
    /// </summary>
    public RotationResult Rotate()
    {
        VerifyCheckFile();
        int rewrapped = 0, current = 0;
        foreach (var file in DataFiles().Append(CheckFile))
        {
            if (!AtRestEncryption.IsEncrypted(file))
                throw new EncryptionKeyException($"{file} is not encrypted; start the app once with the key so it encrypts the files stored before.");
            if (encryption.Rewrap(file)) rewrapped++;
            else current++;
        }

        var keys = DataProtectionKeyFiles.Protect(KeysDirectory, encryption);
        logger.LogInformation("Key rotation to {KeyId}: {Rewrapped} files re-wrapped, {Current} already current, {Keys} key ring files",
            encryption.Keys.Current.Id, rewrapped, current, keys);
        return new RotationResult(encryption.Keys.Current.Id, rewrapped, current, keys);
    }

    /// <summary>For readiness: the configured key still opens the check file (throws as start-up would otherwise).</summary>
    public void VerifyKey() => VerifyCheckFile();

    private void VerifyCheckFile()
    {
        var what = FilesDirectory == DataDirectory ? $"The data directory {DataDirectory}" : $"The files directory {FilesDirectory}";
        try
        {
            var plain = encryption.Decrypt(File.ReadAllBytes(CheckFile), what);
            if (!plain.AsSpan().SequenceEqual(CheckContent)) throw new InvalidDataException($"{CheckFile} is damaged.");
        }
        catch (InvalidDataException e)
        {
            throw new EncryptionKeyException($"{what} cannot be checked against the encryption key: {e.Message}", e);
        }

        var wrappedWith = AtRestEncryption.KeyIdOf(CheckFile);
        if (wrappedWith != encryption.Keys.Current.Id)
            logger.LogWarning("Stored files are still wrapped with key {Previous}; run `encryption rotate` to re-wrap them with {Current}",
                wrappedWith, encryption.Keys.Current.Id);
    }

    private void OpenHeaderOf(string file)
    {
        using var stream = encryption.OpenRead(file, $"The stored file {Path.GetFileName(file)}");
    }
}
