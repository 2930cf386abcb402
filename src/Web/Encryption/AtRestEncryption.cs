namespace BackOffice.Web.Encryption;

/// <summary>
/// Encrypts what the app stores on disk (documents, mailing batches, the Data Protection key ring) under the
/// configured <see cref="KeyRing"/>. Every file gets its own data key; see <see cref="Envelope"/> for the layout.
/// </summary>
public sealed class AtRestEncryption(KeyRing keys)
{
    public KeyRing Keys { get; } = keys;

    /// <summary>A stream that encrypts into <paramref name="destination"/>; call <c>CompleteAsync</c> on it (see <see cref="CompleteAsync"/>).</summary>
    public Stream Encrypting(Stream destination) => new EncryptingStream(destination, Keys);

    /// <summary>Seals the last chunk of a stream from <see cref="Encrypting"/>.</summary>
    public static Task CompleteAsync(Stream encrypting, CancellationToken cancellationToken) =>
        ((EncryptingStream)encrypting).CompleteAsync(cancellationToken);

    /// <summary>The plain content of an encrypted stream; throws before serving anything when the key is wrong.</summary>
    public Stream Decrypting(Stream source, string what) => new DecryptingStream(source, Keys, what);

    /// <summary>The plain content of an encrypted file.</summary>
    public Stream OpenRead(string path, string what)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        try
        {
            return new DecryptingStream(file, Keys, what);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public byte[] Encrypt(ReadOnlySpan<byte> plain)
    {
        using var buffer = new MemoryStream(plain.Length + Envelope.HeaderLength + 64);
        using (var encrypting = new EncryptingStream(buffer, Keys))
        {
            encrypting.Write(plain);
            encrypting.Complete();
        }

        return buffer.ToArray();
    }

    public byte[] Decrypt(byte[] stored, string what)
    {
        using var decrypting = new DecryptingStream(new MemoryStream(stored, writable: false), Keys, what);
        using var plain = new MemoryStream((int)decrypting.Length);
        decrypting.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>Writes <paramref name="plain"/> encrypted under a temporary name, then renames it, so a reader never sees half a file.</summary>
    public async Task WriteFileAsync(string path, ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, OwnerOnly(FileMode.CreateNew)))
            await using (var encrypting = new EncryptingStream(file, Keys))
            {
                await encrypting.WriteAsync(plain, cancellationToken);
                await encrypting.CompleteAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]> ReadFileAsync(string path, string what, CancellationToken cancellationToken) =>
        Decrypt(await File.ReadAllBytesAsync(path, cancellationToken), what);

    /// <summary>True when the file starts with the envelope's magic (false for a plain file written before encryption).</summary>
    public static bool IsEncrypted(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        Span<byte> magic = stackalloc byte[Envelope.Magic.Length];
        return file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && Envelope.HasMagic(magic);
    }

    /// <summary>The id of the key that wrapped a file's data key.</summary>
    public static string KeyIdOf(string path)
    {
        var header = new byte[Envelope.HeaderLength];
        using (var file = File.OpenRead(path)) file.ReadExactly(header);
        return Envelope.KeyIdOf(header);
    }

    /// <summary>
    /// Wraps a file's data key with the current key, rewriting 68 bytes of its header in place (the content is not
    /// re-encrypted). False when the file was already wrapped with the current key.
    /// </summary>
    public bool Rewrap(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var header = new byte[Envelope.HeaderLength];
        file.ReadExactly(header);
        if (Envelope.KeyIdOf(header) == Keys.Current.Id) return false;
        Envelope.Rewrap(header, Keys, path);
        file.Position = Envelope.WrapStart;
        file.Write(header, Envelope.WrapStart, Envelope.WrapLength);
        file.Flush(flushToDisk: true);
        return true;
    }

    /// <summary>Replaces a plain file (stored before encryption was introduced) by its encrypted form.</summary>
    public async Task EncryptInPlaceAsync(string path, CancellationToken cancellationToken)
    {
        var plain = await File.ReadAllBytesAsync(path, cancellationToken);
        await WriteFileAsync(path, plain, cancellationToken);
    }

    internal static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
