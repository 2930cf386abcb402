using BackOffice.Web.Encryption;

namespace BackOffice.Web.Commands;

/// <summary>
/// Administrative commands run with the app's own settings instead of starting the server:
/// <c>BackOffice.Web encryption new-key|status|rotate</c>. Words before the first <c>--setting=value</c> name the
/// command; the rest configure the host as usual.
/// </summary>
public static class BackOfficeCommands
{
    public const string Usage = """
        Commands:
          encryption new-key <path>   write a new random key-encryption key to <path> (readable only by you)
          encryption status           the configured keys and which key wraps each stored file
          encryption rotate           re-wrap every stored file's data key with the current key
                                      (configure the new key as BackOffice:Encryption:KeyFile and the old
                                      one as BackOffice:Encryption:PreviousKeyFiles:0 first)
        """;

    /// <summary>The command words (those before the first option) and the arguments left for the host.</summary>
    public static (string[] Command, string[] HostArguments) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = Array.FindIndex(args, a => a.StartsWith('-'));
        if (count < 0) count = args.Length;
        return (args[..count], args[count..]);
    }

    /// <summary>Runs a command that needs no host (making a key); null when the command needs one.</summary>
    public static int? RunWithoutHost(string[] command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        switch (command)
        {
            case ["encryption", "new-key", var path]:
                return NewKey(path, output);
            case ["encryption", "status"] or ["encryption", "rotate"]:
                return null;
            default:
                output.WriteLine($"Unknown command: {string.Join(' ', command)}");
                output.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>Runs a command with the built host's services (its settings, data directory and keys).</summary>
    public static int Run(IServiceProvider services, string[] command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            var files = services.GetRequiredService<StoredFiles>();
            var keys = services.GetRequiredService<KeyRing>();
            if (command is ["encryption", "rotate"])
            {
                output.WriteLine(files.Rotate().ToString());
                return 0;
            }

            output.WriteLine($"Current key: {keys.Current.Id} ({keys.Current.Source})");
            foreach (var previous in keys.Previous) output.WriteLine($"Previous key: {previous.Id} ({previous.Source})");
            var counts = files.DataFiles().Append(files.CheckFile).Where(File.Exists)
                .GroupBy(f => AtRestEncryption.IsEncrypted(f) ? AtRestEncryption.KeyIdOf(f) : "not encrypted")
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in counts) output.WriteLine($"Files wrapped with {group.Key}: {group.Count()}");
            return 0;
        }
        catch (EncryptionKeyException e)
        {
            output.WriteLine(e.Message);
            return 1;
        }
    }

    private static int NewKey(string path, TextWriter output)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            output.WriteLine($"{full} exists; a key file is never overwritten (the files it encrypts would be lost).");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(full, options)) writer.Write(KeyEncryptionKey.NewKeyFileText());
        output.WriteLine($"Wrote key {KeyEncryptionKey.FromFile(full).Id} to {full}. Keep a copy somewhere safe: without it the stored records cannot be read.");
        return 0;
    }
}
