using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Workflows.Auditing;

/// <summary>
/// The audit table's second lock, below <see cref="AuditImmutabilityInterceptor"/> (which sees only what SaveChanges tracks):
/// every command EF Core sends — bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and raw SQL included — that would UPDATE,
/// DELETE FROM or TRUNCATE the audit table is refused, unless it is one of <see cref="AuditRetention"/>'s deletes, which
/// carry its tag. (Work below EF Core on a connection of its own, such as a key rotation re-encrypting stored values, is not
/// seen here; it rewrites values, never removes rows.)
/// </summary>
public sealed partial class AuditCommandGuard : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return base.ScalarExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static void Check(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sql = command.CommandText;
        if (!ChangesTheAudit().IsMatch(sql)) return;
        // EF Core writes a query's tags first, as "-- tag" lines.
        if (sql.StartsWith("-- " + AuditRetention.Tag, StringComparison.Ordinal) && Deletes().IsMatch(sql) && !Updates().IsMatch(sql)) return;
        throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
    }

    [GeneratedRegex("""\b(?:DELETE\s+FROM|UPDATE|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:(?:"[^"]+"|\w+)\.)?(?:"Audit"|Audit\b)""", RegexOptions.IgnoreCase)]
    private static partial Regex ChangesTheAudit();

    [GeneratedRegex("""\bDELETE\s+FROM\s+"Audit"\s""")]
    private static partial Regex Deletes();

    [GeneratedRegex("""\b(?:UPDATE|TRUNCATE)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex Updates();
}
