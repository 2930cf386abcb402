namespace BackOffice.Web.Backup;

/// <summary>A backup or restore that cannot go on; the message says why and what to do, and is shown as it is.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message) : base(message)
    {
    }

    public BackupException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
