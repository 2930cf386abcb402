using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BackOffice.Web.Input;

/// <summary>
/// An exception that means the database is away for a moment (restarting, failing over, locked past the wait), not
/// that the request was wrong or the code is broken: it is answered 503 with Retry-After, so people and clients know to
/// try again, and every state change is one transaction, so nothing was half-saved.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 30;

    // SQLite's "database is busy/locked" after the busy timeout: another writer held it too long. Npgsql marks its own
    // transient failures (connection refused or lost, the server shutting down or starting) with IsTransient.
    private const int Busy = 5;
    private const int Locked = 6;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is DbException { IsTransient: true } or TimeoutException or SqliteException { SqliteErrorCode: Busy or Locked }) return true;
        return false;
    }
}
