using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BackOffice.Web.Encryption;
using BackOffice.Web.Localization;
using BackOffice.Workflows;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Documents;

/// <summary>
/// Uploaded and generated documents, kept outside the web root in <c>&lt;files directory&gt;/documents/&lt;yyyy&gt;/&lt;random id&gt;</c>
/// (<see cref="WorkflowsOptions.StoredFilesDirectory"/>: the data directory, or a folder every node mounts),
/// encrypted at rest (<see cref="AtRestEncryption"/>), and read back only through <see cref="OpenRead"/>. A file is
/// accepted only when its bytes are a PDF, JPEG or PNG: its name and declared type are not trusted. A refusal says why in
/// the page's language (<c>DocumentStore.es.resx</c>, keyed by the English; staff pages are English).
/// </summary>
public sealed partial class DocumentStore
{
    private static readonly Translations Words = new(typeof(DocumentStore));
    private const int HeaderLength = 8;
    private const int CopyBufferSize = 81920;
    private readonly TimeProvider _time;
    private readonly AtRestEncryption _encryption;

    public DocumentStore(WorkflowsOptions workflows, IOptions<DocumentOptions> options, TimeProvider time, AtRestEncryption encryption)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(options);
        Root = Path.Combine(workflows.StoredFilesDirectory, "documents");
        MaxBytes = options.Value.MaxUploadBytes;
        _time = time;
        _encryption = encryption;
    }

    /// <summary>The folder holding every stored document.</summary>
    public string Root { get; }

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>"10 MB": the limit as people read it.</summary>
    public string MaxSizeText => FormatSize(MaxBytes);

    /// <summary>Checks the bytes, stores the file under a new random key and returns what the request records of it.</summary>
    /// <exception cref="DocumentRejectedException">The file is not a PDF, JPEG or PNG, or is too large.</exception>
    public Task<DraftDocument> SaveAsync(Stream content, string? fileName, DocumentKind kind, CancellationToken cancellationToken = default) =>
        SaveAsync(NewStorageKey(), content, fileName, kind, cancellationToken);

    /// <summary>A new random key (<c>yyyy/&lt;32 hex&gt;</c>), for a caller that records the file before it is written.</summary>
    public string NewStorageKey() =>
        $"{_time.GetUtcNow().Year.ToString("D4", CultureInfo.InvariantCulture)}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    /// <summary>As <see cref="SaveAsync(Stream, string?, DocumentKind, CancellationToken)"/>, under a key from
    /// <see cref="NewStorageKey"/>; a key already used is an <see cref="IOException"/> (nothing is overwritten).</summary>
    public async Task<DraftDocument> SaveAsync(string storageKey, Stream content, string? fileName, DocumentKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(storageKey);
        var header = new byte[HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        var contentType = Detect(header.AsSpan(0, headerLength))
            ?? throw new DocumentRejectedException(Words.Text("This file is not a PDF, JPEG or PNG. Upload a scan or photo saved as PDF, JPEG or PNG."));

        var now = _time.GetUtcNow();
        CreateDirectory(Root);
        CreateDirectory(Path.GetDirectoryName(path)!);
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var file = new FileStream(path, FileOptionsForNewFile()); // a new file (CreateNew): only ours is ever deleted below
        try
        {
            await using (file)
            await using (var encrypting = _encryption.Encrypting(file))
            {
                // A pooled buffer, wiped before it goes back (it held the document's plain bytes): a new 80 KB one for
                // every upload was most of the garbage an API request made.
                var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                try
                {
                    var read = headerLength;
                    Array.Copy(header, buffer, headerLength);
                    do
                    {
                        size += read;
                        if (size > MaxBytes) throw new DocumentRejectedException(Words.Format("This file is larger than {0}. Upload a smaller scan or photo.", MaxSizeText));
                        hash.AppendData(buffer, 0, read);
                        await encrypting.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken);
                    }
                    while (read > 0);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(buffer.AsSpan(0, CopyBufferSize));
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                await AtRestEncryption.CompleteAsync(encrypting, cancellationToken);
                file.Flush(flushToDisk: true); // on disk before the request that names it commits
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return new DraftDocument(kind, CleanFileName(fileName), contentType, size, storageKey, Convert.ToHexStringLower(hash.GetHashAndReset()), now);
    }

    /// <summary>The document's bytes, decrypted; a wrong key or an altered file throws before any byte is returned.</summary>
    public Stream OpenRead(string storageKey) => _encryption.OpenRead(PathOf(storageKey), "A stored document");

    /// <summary>The document's bytes, or null when the key is not one of ours or the file is gone.</summary>
    public Stream? TryOpenRead(string storageKey) =>
        storageKey is not null && StorageKeyPattern().IsMatch(storageKey) && File.Exists(PathOf(storageKey)) ? OpenRead(storageKey) : null;

    /// <summary>Removes a stored file that will not be used (e.g. an upload replaced before the request was sent); a file
    /// already gone is not an error.</summary>
    public void Delete(string storageKey)
    {
        var path = PathOf(storageKey);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // its year's folder is gone: so is the file
        }
    }

    /// <summary>Whether the file of this key is stored.</summary>
    public bool Exists(string storageKey) => File.Exists(PathOf(storageKey));

    /// <summary>The content type the first bytes show: PDF (%PDF-), JPEG (FF D8 FF) or PNG (89 50 4E 47 0D 0A 1A 0A); else null.</summary>
    public static string? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith("%PDF-"u8) ? "application/pdf"
        : header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;

    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    private string PathOf(string storageKey)
    {
        if (storageKey is null || !StorageKeyPattern().IsMatch(storageKey))
            throw new ArgumentException("Not a document storage key.", nameof(storageKey));
        return Path.Combine(Root, storageKey.Replace('/', Path.DirectorySeparatorChar));
    }

    // Only the owner (the app's account) may read the files or list the folders.
    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static FileStreamOptions FileOptionsForNewFile()
    {
        // No buffer of its own: the encrypting stream writes whole sealed chunks (and an unbuffered file stream makes no
        // semaphore for its asynchronous writes).
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous, BufferSize = 0 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>The name as given, without folders or control characters, at most 120 characters; it is shown, never used as a path.</summary>
    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 120) name = name[^120..];
        return name.Length == 0 ? "upload" : name;
    }

    [GeneratedRegex("^[0-9]{4}/[0-9a-f]{32}$")]
    private static partial Regex StorageKeyPattern();
}
