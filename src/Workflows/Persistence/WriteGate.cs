using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Lets one write at a time into a SQLite database from this process, and lets concurrent commits share one.
/// <para>SQLite has one writer anyway; without the gate, concurrent commits find the database locked and SQLite's busy
/// handler puts each to sleep for 1, 2, 5 … 100 ms before trying again, so under load most of a send's time was sleeping
/// while the writer sat idle. Waiting here instead wakes the next writer the moment the previous one ends. PostgreSQL has
/// row locks and needs none of this.</para>
/// <para><b>Group commit</b> (<see cref="DatabaseOptions.GroupCommit"/>, on by default): a commit made through
/// <see cref="CommitAsync"/> runs in a savepoint of a transaction the gate holds on a connection of its own, and when
/// another writer is already waiting for its turn the transaction is left open for that one to join; whoever finds nobody
/// waiting (or the group full) commits it — one transaction, one disk flush, and the index pages several new requests
/// share written once. Each caller still returns only after the commit that holds its rows is on disk, and each stays
/// atomic: a caller whose work throws is rolled back to its own savepoint and gets its error (after the group's commit,
/// so what it collided with is visible when it looks), the others are untouched. A group whose commit fails fails every
/// caller in it; none of them was told it was stored. Writers taking a plain turn (<see cref="EnterAsync"/>) write on
/// their own connections, so the open group is committed first.</para>
/// </summary>
public sealed class WriteGate : IDisposable
{
    /// <summary>The most commits one group takes, so the first of them waits for a bounded number of others.</summary>
    public const int MaxGroupMembers = 32;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly bool _serializes;
    // The database every context of this app writes to (the options' connection string); null: no group commit.
    private readonly string? _groupConnectionString;
    private int _waiting;
    // Touched only by the holder of the turn.
    private CommitGroup? _open;
    private SqliteConnection? _connection;
    private GateStatements? _statements;
    private long _groupCommits;
    private long _groupMembers;

    public WriteGate(bool serializes, string? groupConnectionString = null)
    {
        _serializes = serializes;
        _groupConnectionString = serializes ? groupConnectionString : null;
    }

    public static WriteGate For(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Sqlite) return new WriteGate(serializes: false);
        return new WriteGate(serializes: true, database.GroupCommit ? database.SqliteConnectionString() : null);
    }

    /// <summary>Commits written through <see cref="CommitAsync"/> and the transactions that held them, since start.</summary>
    public (long Members, long Commits) GroupCommits => (Interlocked.Read(ref _groupMembers), Interlocked.Read(ref _groupCommits));

    /// <summary>
    /// The statement compiled before for <paramref name="command"/>'s text, ready to run in its place, when the command is
    /// for the gate's connection (<see cref="GateStatementInterceptor"/>); null otherwise. Only the holder of the turn
    /// runs commands there.
    /// </summary>
    internal Microsoft.Data.Sqlite.SqliteCommand? CompiledFor(System.Data.Common.DbCommand command) => _statements?.ReadyFor(command);

    /// <summary>Statements kept compiled on the gate's connection, and executions that reused one (tests).</summary>
    internal (int Kept, long Reused) CompiledStatements => _statements is { } s ? (s.Count, s.Reused) : (0, 0);

    /// <summary>Writers waiting for their turn (tests line commits up with it).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A turn of one's own, for a writer using its own connection: the open group is committed first.</summary>
    public async Task<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_serializes) return default;
        await TakeTurnAsync(cancellationToken);
        if (_open is not null) await EndOpenGroupAsync();
        return new Releaser(_turn);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (the writes of <paramref name="db"/>) as one atomic commit and returns once it is on
    /// disk. With group commit the work runs in a savepoint of the gate's open transaction, on the gate's connection
    /// (the context is given back its own afterwards); otherwise in a transaction of the context's own. The work gets no
    /// cancellation once it runs inside a group: interrupting a statement would roll back the others' work too.
    /// </summary>
    public async Task CommitAsync(DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        // A context whose connection its owner keeps open (start-up work in one scope) cannot lend it to a group: it
        // commits on its own, after the open group.
        if (_groupConnectionString is null || db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed)
        {
            using var turn = await EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        await TakeTurnAsync(cancellationToken);
        CommitGroup group;
        try
        {
            group = await JoinAsync(_groupConnectionString);
        }
        catch
        {
            await EndTurnAsync();
            throw;
        }

        ExceptionDispatchInfo? failure = null;
        try
        {
            await RunInSavepointAsync(group, db, work);
        }
#pragma warning disable CA1031 // rethrown below, after the group's outcome
        catch (Exception error)
#pragma warning restore CA1031
        {
            failure = ExceptionDispatchInfo.Capture(error);
        }

        await EndTurnAsync();
        try
        {
            await group.Committed.Task;
        }
        catch when (failure is not null)
        {
            // The caller's own error says more than the group's.
        }

        failure?.Throw();
    }

    /// <summary>Saves the context's changes as one atomic commit (see <see cref="CommitAsync"/>).</summary>
    public Task SaveChangesAsync(DbContext db, CancellationToken cancellationToken) =>
        CommitAsync(db, token => db.SaveChangesAsync(token), cancellationToken);

    /// <summary>
    /// For a write that needs no flush of its own (an attempt counter): when a group is open it runs there, in a savepoint,
    /// and is committed with the group (the caller does not wait for that); otherwise <paramref name="alone"/> runs in a
    /// plain turn. <paramref name="inGroup"/> gets the group's connection and transaction.
    /// </summary>
    public async Task<T> WriteUnflushedAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> inGroup, Func<Task<T>> alone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inGroup);
        ArgumentNullException.ThrowIfNull(alone);
        if (!_serializes) return await alone();
        await TakeTurnAsync(cancellationToken);
        try
        {
            if (_open is not { } group) return await alone();
            group.Members++;
            return await InSavepointAsync(group, () => inGroup(_connection!, group.Transaction));
        }
        finally
        {
            await EndTurnAsync();
        }
    }

    private async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        // Not cancellable once counted as waiting: a group is handed on only to a writer that is sure to take its turn,
        // so a waiter that gave up could never leave a group open with nobody to commit it.
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(CancellationToken.None);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        if (!cancellationToken.IsCancellationRequested) return;
        if (_open is not null) await EndOpenGroupAsync();
        _turn.Release();
        cancellationToken.ThrowIfCancellationRequested();
    }

    // The holder of the turn ends it: the open group stays open for the next waiter while it has room, else it commits.
    private async Task EndTurnAsync()
    {
        try
        {
            if (_open is { } group && (group.Broken is not null || group.Members >= MaxGroupMembers || Volatile.Read(ref _waiting) == 0))
                await EndOpenGroupAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<CommitGroup> JoinAsync(string connectionString)
    {
        if (_open is { } open)
        {
            open.Members++;
            return open;
        }

        if (_connection is null)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync();
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqliteDurabilityInterceptor.Pragmas;
                await pragmas.ExecuteNonQueryAsync();
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _connection = connection;
            _statements = new GateStatements(connection);
        }

        SqliteTransaction transaction;
        try
        {
            transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        }
        catch
        {
            await CloseConnectionAsync();
            throw;
        }

        _open = new CommitGroup(transaction) { Members = 1 };
        return _open;
    }

    private async Task RunInSavepointAsync(CommitGroup group, DbContext db, Func<CancellationToken, Task> work)
    {
        var database = db.Database;
        var ownConnectionString = database.GetConnectionString();
        var autoSavepoints = database.AutoSavepointsEnabled;
        var swapped = false;
        try
        {
            database.SetDbConnection(_connection, contextOwnsConnection: false);
            swapped = true;
            await database.UseTransactionAsync(group.Transaction);
            // The gate's savepoint covers all of the work; EF Core's own around SaveChanges would be two statements more.
            database.AutoSavepointsEnabled = false;
            await InSavepointAsync(group, async () =>
            {
                await work(CancellationToken.None);
                return true;
            });
        }
        finally
        {
            if (swapped)
            {
                database.AutoSavepointsEnabled = autoSavepoints;
                await database.UseTransactionAsync(null);
                database.SetDbConnection(null, contextOwnsConnection: true);
                database.SetConnectionString(ownConnectionString);
            }
        }
    }

    // One writer's work in a savepoint of the group: released when it succeeds, rolled back alone when it throws.
    private static async Task<T> InSavepointAsync<T>(CommitGroup group, Func<Task<T>> work)
    {
        var savepoint = "member" + group.Members;
        await group.Transaction.SaveAsync(savepoint, CancellationToken.None);
        try
        {
            var result = await work();
            await group.Transaction.ReleaseAsync(savepoint, CancellationToken.None);
            return result;
        }
        catch (Exception error)
        {
            await UndoAsync(group, savepoint, error);
            throw;
        }
    }

    // A failed member leaves no trace: rolled back to its savepoint. If even that fails the transaction cannot be trusted,
    // and the group is rolled back whole when the turn ends.
    private static async Task UndoAsync(CommitGroup group, string savepoint, Exception error)
    {
        try
        {
            await group.Transaction.RollbackAsync(savepoint, CancellationToken.None);
            await group.Transaction.ReleaseAsync(savepoint, CancellationToken.None);
        }
#pragma warning disable CA1031 // the group is failed with the member's error when the turn ends
        catch
#pragma warning restore CA1031
        {
            group.Broken ??= error;
        }
    }

    // Commits (or, if broken, rolls back) the open group and tells its members; never throws, a failure is theirs.
    private async Task EndOpenGroupAsync()
    {
        var group = _open!;
        _open = null;
        try
        {
            if (group.Broken is not null)
                throw new InvalidOperationException("A write of this group failed and could not be undone alone; nothing of the group was stored.", group.Broken);
            await group.Transaction.CommitAsync(CancellationToken.None);
            await group.Transaction.DisposeAsync();
            Interlocked.Increment(ref _groupCommits);
            Interlocked.Add(ref _groupMembers, group.Members);
            Telemetry.LifecycleTelemetry.GroupCommitted(group.Members);
            group.Committed.TrySetResult();
        }
#pragma warning disable CA1031 // handed to every member of the group
        catch (Exception error)
#pragma warning restore CA1031
        {
            try
            {
                await group.Transaction.RollbackAsync(CancellationToken.None);
            }
#pragma warning disable CA1031 // the connection is dropped below either way
            catch
#pragma warning restore CA1031
            {
            }

            await group.Transaction.DisposeAsync();
            await CloseConnectionAsync();
            group.Committed.TrySetException(error);
        }
    }

    private async Task CloseConnectionAsync()
    {
        if (_connection is null) return;
        _statements = null;
        await _connection.DisposeAsync(); // its commands, the kept ones too, go with it
        _connection = null;
    }

    public void Dispose()
    {
        _statements = null;
        _connection?.Dispose();
        _connection = null;
        _turn.Dispose();
    }

    private sealed class CommitGroup(SqliteTransaction transaction)
    {
        public SqliteTransaction Transaction { get; } = transaction;
        public int Members { get; set; }
        /// <summary>The error of a member that could not be rolled back to its savepoint.</summary>
        public Exception? Broken { get; set; }
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
