using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// The statements SQLite has compiled on the write gate's connection, kept to run again. Microsoft.Data.Sqlite compiles
/// every command anew (dotnet/efcore#14044), and compiling the lifecycle commit's insert of a request — 119 columns, 17
/// indexes to maintain — took longer than running it; on the gate's connection that compiling happened while every other
/// writer waited for its turn. The gate keeps one connection open for its groups, so a statement compiled there once can
/// run again with new values: the same SQL text (EF Core writes the same text for the same shape of change) finds its
/// compiled command here. At most <see cref="Capacity"/> texts are kept, the least recently used going first; they go
/// with the connection. Only the holder of the gate's turn uses the connection, so none of this is shared between threads.
/// </summary>
internal sealed class GateStatements(SqliteConnection connection)
{
    /// <summary>Enough for the shapes the request path writes (the lifecycle commits, the audit's and the outbox's batches).</summary>
    public const int Capacity = 64;

    private readonly Dictionary<string, LinkedListNode<KeptCommand>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptCommand> _recent = new();
    private long _reused;

    public SqliteConnection Connection { get; } = connection;

    /// <summary>Executions that ran a statement compiled before (tests and diagnostics).</summary>
    public long Reused => _reused;

    public int Count => _byText.Count;

    /// <summary>
    /// The compiled command for <paramref name="command"/>'s text, given its parameters and transaction, ready to run in its
    /// place; null when it is not for this connection or the kept command is still being read (EF Core then runs its own).
    /// </summary>
    public SqliteCommand? ReadyFor(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } on } source || !ReferenceEquals(on, Connection)) return null;
        if (Connection.State != ConnectionState.Open) return null;
        var text = source.CommandText;
        if (string.IsNullOrEmpty(text)) return null;

        KeptCommand kept;
        if (_byText.TryGetValue(text, out var node))
        {
            kept = node.Value;
            if (kept.Reading) return null;
            _recent.Remove(node);
            _recent.AddFirst(node);
            _reused++;
        }
        else
        {
            kept = new KeptCommand(text, Connection);
            Keep(kept);
        }

        kept.Transaction = source.Transaction;
        kept.Parameters.Clear();
        foreach (SqliteParameter parameter in source.Parameters) kept.Parameters.Add(parameter);
        kept.Prepare(); // compiles once: SqliteCommand keeps its statements while its text and connection stay

        return kept;
    }

    private void Keep(KeptCommand kept)
    {
        _byText[kept.CommandText] = _recent.AddFirst(kept);
        if (_byText.Count <= Capacity) return;
        var oldest = _recent.Last!;
        if (oldest.Value.Reading) return; // kept a while longer; it goes on a later turn
        _recent.RemoveLast();
        _byText.Remove(oldest.Value.CommandText);
        oldest.Value.Dispose();
    }

    /// <summary>A command whose compiled statements stay with it from one execution to the next.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        public KeptCommand(string text, SqliteConnection connection) : base(text, connection)
        {
        }

        /// <summary>A reader of this command is still open (a query enumerated while the same text ran again).</summary>
        public bool Reading => DataReader is not null;
    }
}
