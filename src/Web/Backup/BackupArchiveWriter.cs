using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace BackOffice.Web.Backup;

/// <summary>
/// Writes a backup archive (a gzip-compressed tar, readable with <c>tar -tzf</c>): each file as it is, hashed on the way,
/// and the manifest last. The archive is readable only by the account that made it.
/// </summary>
internal sealed class BackupArchiveWriter : IAsyncDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly TarWriter _tar;
    private readonly List<BackupEntry> _entries = [];
    private bool _completed;

    private BackupArchiveWriter(FileStream file)
    {
        _file = file;
        // Stored files are encrypted and do not compress; the database does, and the fastest level gets most of that.
        _gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
        _tar = new TarWriter(_gzip, TarEntryFormat.Pax, leaveOpen: true);
    }

    public IReadOnlyList<BackupEntry> Entries => _entries;

    public static BackupArchiveWriter Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        return new BackupArchiveWriter(new FileStream(path, options));
    }

    /// <summary>
    /// Adds the file's bytes under <paramref name="entryName"/>, with the id of the key that wraps it when it is an
    /// encrypted file; null (nothing added) when the file is gone.
    /// </summary>
    public async Task<(BackupEntry Entry, string? KeyId)?> AddFileAsync(string entryName, string sourcePath, CancellationToken cancellationToken)
    {
        if (!BackupLayout.IsKnown(entryName))
            throw new ArgumentException($"{entryName} is not a name a backup holds.", nameof(entryName));
        FileStream source;
        try
        {
            source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using var hashing = new HashingReadStream(source);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName)
        {
            DataStream = hashing,
            ModificationTime = File.GetLastWriteTimeUtc(sourcePath),
            Mode = OwnerOnly,
        };
        await _tar.WriteEntryAsync(entry, cancellationToken);
        var added = new BackupEntry(entryName, hashing.BytesRead, hashing.Sha256);
        _entries.Add(added);
        return (added, KeyIdOf(hashing.Head));
    }

    /// <summary>The id of the key that wraps an encrypted file, from its first bytes; null for a file that is not encrypted.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> head) =>
        head.Length >= 16 && Encryption.Envelope.HasMagic(head) ? Encryption.Envelope.KeyIdOf(head) : null;

    /// <summary>Writes the manifest as the last entry and finishes the archive, on disk.</summary>
    public async Task CompleteAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, BackupManifest.Json));
        var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupLayout.Manifest)
        {
            DataStream = json,
            ModificationTime = manifest.CreatedAt,
            Mode = OwnerOnly,
        };
        await _tar.WriteEntryAsync(entry, cancellationToken);
        await _tar.DisposeAsync();
        await _gzip.DisposeAsync();
        await _file.FlushAsync(cancellationToken);
        _file.Flush(flushToDisk: true);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            await _tar.DisposeAsync();
            await _gzip.DisposeAsync();
        }

        await _file.DisposeAsync();
    }
}
