using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Runs EF Core's commands on the write gate's connection with the statements SQLite compiled for the same text before
/// (<see cref="GateStatements"/>): the command is not sent as EF Core made it, its compiled twin runs with the same
/// parameters in the same transaction, and EF Core reads the result as its own. Commands on any other connection, and
/// one whose twin is still being read, run as EF Core made them.
/// </summary>
public sealed class GateStatementInterceptor(WriteGate gate) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<DbDataReader>.SuppressWithResult(compiled.ExecuteReader())
            : result;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<DbDataReader>.SuppressWithResult(await compiled.ExecuteReaderAsync(cancellationToken))
            : result;

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<int>.SuppressWithResult(compiled.ExecuteNonQuery())
            : result;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<int>.SuppressWithResult(await compiled.ExecuteNonQueryAsync(cancellationToken))
            : result;

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<object>.SuppressWithResult(compiled.ExecuteScalar()!)
            : result;

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        !result.HasResult && gate.CompiledFor(command) is { } compiled
            ? InterceptionResult<object>.SuppressWithResult((await compiled.ExecuteScalarAsync(cancellationToken))!)
            : result;
}
