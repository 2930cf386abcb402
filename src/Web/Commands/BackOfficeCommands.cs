using BackOffice.Web.Backup;
using BackOffice.Web.Encryption;
using BackOffice.Web.Identity;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Commands;

/// <summary>
/// Administrative commands run with the app's own settings instead of starting the server:
/// <c>BackOffice.Web encryption new-key|status|rotate</c>, <c>create-user</c>, <c>backup</c>, <c>restore</c>, <c>requester-org create</c>, <c>api-key create</c>. Words before the first <c>--setting=value</c> name the
/// command; the rest configure the host as usual.
/// </summary>
public static class BackOfficeCommands
{
    public const string Usage = """
        Commands:
          encryption new-key <path>   write a new random key-encryption key to <path> (readable only by you)
          encryption status           the configured keys, which key wraps each stored file and which key
                                      encrypted the values in the database
          create-user <name> --role <Role> [--display-name "<name>"] [--email <address>]
                                      a staff account (roles: Clerk, Supervisor, RulesAdmin); asks for the
                                      password at a terminal, otherwise generates one and prints it once
          requester-org create --name "<name>" --type <Attorney|Insurer|Provider|OtherThirdParty>
                      [--contact-name "<name>"] [--contact-email <address>] [--contact-phone <phone>]
                      [--delivery Mail,SecureEmail,Portal,Pickup]
                                      register a requester organisation for the requester API; prints its id
          api-key create --org <id> --name "<key name>" [--expires <yyyy-mm-dd>]
                                      a new API key for the organisation, printed once (only its hash is kept)
          encryption rotate           re-wrap every stored file's data key with the current key and
                                      re-encrypt the database's encrypted columns with it
                                      (configure the new key as BackOffice:Encryption:KeyFile and the old
                                      one as BackOffice:Encryption:PreviousKeyFiles:0 first)
          backup <file>               write a backup archive (.tar.gz) of the database, the stored documents and
                                      mailing batches (still encrypted) and the ids of the keys they need, while
                                      the app runs; never the key itself (PostgreSQL: needs pg_dump)
          restore <file>              put a backup back into an empty data directory (and an empty PostgreSQL
                                      database: needs pg_restore) after checking it and the configured key
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
            case ["encryption", "status"] or ["encryption", "rotate"] or ["create-user", _] or ["backup", _] or ["restore", _]
                or ["requester-org", "create"] or ["api-key", "create"]:
                return null;
            default:
                output.WriteLine($"Unknown command: {string.Join(' ', command)}");
                output.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>Runs a command with the built host's services (its settings, data directory, database and keys).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        switch (command)
        {
            case ["backup", var file]:
                return await BackupCommand.RunAsync(services, file, output);
            case ["restore", var file]:
                return await RestoreCommand.RunAsync(services, file, output);
        }

        if (command is ["create-user", var userName])
        {
            return await CreateUserCommand.RunAsync(services, userName, services.GetRequiredService<IConfiguration>(), output,
                CreateUserCommand.TerminalReader());
        }

        if (command is ["requester-org", "create"])
            return await RequesterOrganisationCommands.CreateOrganisationAsync(services, services.GetRequiredService<IConfiguration>(), output);
        if (command is ["api-key", "create"])
            return await RequesterOrganisationCommands.CreateKeyAsync(services, services.GetRequiredService<IConfiguration>(), output);

        try
        {
            var files = services.GetRequiredService<StoredFiles>();
            var keys = services.GetRequiredService<KeyRing>();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            var columns = scope.ServiceProvider.GetRequiredService<EncryptedColumns>();
            if (command is ["encryption", "rotate"])
            {
                if ((await db.Database.GetPendingMigrationsAsync()).Any())
                {
                    output.WriteLine("The database is not up to date with this version: start the app once (it applies its changes and "
                        + "encrypts values stored before), then rotate.");
                    return 1;
                }

                using var maintenance = MaintenanceLock.TryTake(files.FilesDirectory);
                if (maintenance is null)
                {
                    output.WriteLine(MaintenanceLock.Busy("the rotation"));
                    return 1;
                }

                output.WriteLine(files.Rotate().ToString());
                output.WriteLine((await columns.RotateAsync()).ToString());
                var keyRows = await DataProtectionKeyRows.ProtectAsync(scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>(),
                    services.GetRequiredService<AtRestEncryption>(), CancellationToken.None);
                output.WriteLine($"Data Protection keys in the database re-wrapped: {keyRows}");
                return 0;
            }

            output.WriteLine($"Current key: {keys.Current.Id} ({keys.Current.Source})");
            foreach (var previous in keys.Previous) output.WriteLine($"Previous key: {previous.Id} ({previous.Source})");
            var counts = files.DataFiles().Append(files.CheckFile).Where(File.Exists)
                .GroupBy(f => AtRestEncryption.IsEncrypted(f) ? AtRestEncryption.KeyIdOf(f) : "not encrypted")
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in counts) output.WriteLine($"Files wrapped with {group.Key}: {group.Count()}");
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                output.WriteLine("Database: not up to date with this version (start the app once).");
                return 0;
            }

            foreach (var (keyId, count) in await columns.CountByKeyAsync())
            {
                output.WriteLine(keyId == EncryptedColumns.Plaintext
                    ? $"Database values not encrypted: {count}"
                    : $"Database values encrypted with {keyId}: {count}");
            }

            return 0;
        }
        catch (Exception e) when (e is EncryptionKeyException or FieldEncryptionException)
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
