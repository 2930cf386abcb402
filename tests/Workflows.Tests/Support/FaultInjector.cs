using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>Makes the database fail on a chosen statement, to prove a transition is all-or-nothing; keeps the text of every
/// statement sent, to show what a transition got as far as.</summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    public string? FailOnCommandContaining { get; set; }

    public ConcurrentQueue<string> Executed { get; } = new();

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfTargeted(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfTargeted(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void ThrowIfTargeted(DbCommand command)
    {
        Executed.Enqueue(command.CommandText);
        if (FailOnCommandContaining is { } marker && command.CommandText.Contains(marker, StringComparison.Ordinal))
            throw new InvalidOperationException($"Injected database failure on: {marker}");
    }
}
