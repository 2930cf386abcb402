namespace BackOffice.Workflows.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where requests are stored. With nothing configured: a SQLite file in the data directory.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>For PostgreSQL; for SQLite it overrides the file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }
    public string DataDirectory { get; set; } = "App_Data";
    /// <summary>
    /// SQLite: concurrent commits share one transaction and one disk flush (<see cref="WriteGate"/>), each still atomic and
    /// answered only once on disk (<c>BackOffice:Database:GroupCommit</c>, default on; off gives each its own).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    public string SqliteConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        Directory.CreateDirectory(DataDirectory);
        return $"Data Source={Path.Combine(DataDirectory, "backoffice.db")}";
    }
}
