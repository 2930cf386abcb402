using BackOffice.Workflows.Persistence;

namespace BackOffice.Web.Encryption;

/// <summary>The key new files are wrapped with, and the previous keys still read while a rotation is under way.</summary>
public sealed class KeyRing
{
    public KeyRing(KeyEncryptionKey current, IEnumerable<KeyEncryptionKey>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        Previous = [.. (previous ?? []).Where(k => k.Id != current.Id).DistinctBy(k => k.Id)];
    }

    public KeyEncryptionKey Current { get; }

    public IReadOnlyList<KeyEncryptionKey> Previous { get; }

    /// <summary>The keys of the encrypted database columns: derived from the current and previous keys.</summary>
    public FieldEncryption ForDatabaseFields() => new(Current.DeriveFieldKey(), Previous.Select(k => k.DeriveFieldKey()));

    /// <summary>The configured key with this id, or null.</summary>
    public KeyEncryptionKey? Find(ReadOnlySpan<byte> id)
    {
        if (id.SequenceEqual(Current.IdBytesValue)) return Current;
        foreach (var key in Previous)
        {
            if (id.SequenceEqual(key.IdBytesValue)) return key;
        }

        return null;
    }

    /// <summary>
    /// The keys the settings name. With none configured, Development and tests use (and create) a key in the user's
    /// profile; any other environment stops with a message saying what to configure.
    /// </summary>
    public static KeyRing Load(EncryptionOptions options, string dataDirectory, bool allowDevelopmentKey) =>
        Load(options, dataDirectory, dataDirectory, allowDevelopmentKey);

    /// <summary>As above, where the stored files live in their own <paramref name="filesDirectory"/> (several nodes): the
    /// key may be in neither.</summary>
    public static KeyRing Load(EncryptionOptions options, string dataDirectory, string filesDirectory, bool allowDevelopmentKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var path in options.PreviousKeyFiles.Append(options.KeyFile).OfType<string>().Where(p => !string.IsNullOrWhiteSpace(p)))
            OutsideData(path, filesDirectory);
        KeyEncryptionKey current;
        if (!string.IsNullOrWhiteSpace(options.Key)) current = KeyEncryptionKey.FromBase64(options.Key, "BackOffice__Encryption__Key");
        else if (!string.IsNullOrWhiteSpace(options.KeyFile)) current = KeyEncryptionKey.FromFile(OutsideData(options.KeyFile, dataDirectory));
        else if (allowDevelopmentKey) current = DevelopmentKey();
        else
            throw new EncryptionKeyException(
                "No encryption key is configured, so stored records cannot be encrypted. Set BackOffice:Encryption:KeyFile to a key "
                + "file outside the data directory (make one with `dotnet BackOffice.Web.dll encryption new-key /etc/backoffice/records.key`) "
                + "or put the key in the environment variable BackOffice__Encryption__Key.");

        return new KeyRing(current, options.PreviousKeyFiles.Select(path => KeyEncryptionKey.FromFile(OutsideData(path, dataDirectory))));
    }

    // A key stored with the data it protects protects nothing: a copy of the data directory would carry both.
    private static string OutsideData(string path, string dataDirectory)
    {
        var full = Path.GetFullPath(path);
        var data = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full.StartsWith(data, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            throw new EncryptionKeyException($"The encryption key file {full} is inside the data directory {dataDirectory}. Keep it elsewhere (e.g. /etc/backoffice), readable only by the app's account.");
        return full;
    }

    private static KeyEncryptionKey DevelopmentKey()
    {
        var path = EncryptionOptions.DevelopmentKeyFile;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(temporary, options)) writer.Write(KeyEncryptionKey.NewKeyFileText());
            try
            {
                File.Move(temporary, path, overwrite: false); // two test hosts starting at once: the first one's key wins
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        return KeyEncryptionKey.FromFile(path);
    }
}
