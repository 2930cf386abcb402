using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>
/// The database unreachable for a moment, as during a PostgreSQL restart or fail-over: while it lasts every command the
/// app's contexts run fails with the provider's exception, as a refused connection does; then everything works again.
/// Registered as an <see cref="IInterceptor"/>, which the app adds to its contexts; inert until <see cref="Begin"/>.
/// </summary>
public sealed class DatabaseOutage : DbCommandInterceptor
{
    private long _until;
    private int _refused;

    /// <summary>Commands refused so far.</summary>
    public int Refused => _refused;

    /// <summary>From now on, for <paramref name="duration"/> (real time: the app's retries wait real time too).</summary>
    public void Begin(TimeSpan duration) =>
        Interlocked.Exchange(ref _until, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Check(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Check(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Check(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Check(result));

    private T Check<T>(T result)
    {
        if (Stopwatch.GetTimestamp() >= Interlocked.Read(ref _until)) return result;
        Interlocked.Increment(ref _refused);
        throw new SqliteException("unable to open database file (the database is restarting)", 14);
    }
}
