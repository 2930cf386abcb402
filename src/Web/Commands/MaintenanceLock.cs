namespace BackOffice.Web.Commands;

/// <summary>
/// One maintenance command at a time over a files directory: <c>backup</c> copies the stored files while
/// <c>encryption rotate</c> rewrites their headers in place, so a backup taken during a rotation could copy a header
/// half rewritten, which its restore would then refuse. Each takes this lock for its whole run (an exclusive OS file lock,
/// released when the process ends, however it ends; on a shared files directory every node sees it) and refuses to start
/// while the other holds it. The app itself does not take it: new documents are written under new names and never change.
/// </summary>
public sealed class MaintenanceLock : IDisposable
{
    public const string FileName = ".maintenance.lock";

    private readonly FileStream _file;

    private MaintenanceLock(FileStream file) => _file = file;

    /// <summary>The message of a command refused because another holds the lock.</summary>
    public static string Busy(string what) =>
        $"A backup or a key rotation is already running on these files; {what} waits for it: try again when it has finished.";

    /// <summary>The lock over <paramref name="filesDirectory"/>, or null while another command holds it.</summary>
    public static MaintenanceLock? TryTake(string filesDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(filesDirectory);
        Directory.CreateDirectory(filesDirectory);
        try
        {
            // FileShare.None: on Unix .NET takes flock(LOCK_EX | LOCK_NB), so a second taker fails at once.
            return new MaintenanceLock(new FileStream(Path.Combine(filesDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
