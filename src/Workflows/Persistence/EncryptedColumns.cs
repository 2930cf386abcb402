using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Persistence;

/// <summary>What re-encrypting the database's encrypted columns did.</summary>
public sealed record FieldRotationResult(string KeyId, int Rows, int Values)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Database: {Values} values in {Rows} rows re-encrypted with key {KeyId}.");
}

/// <summary>
/// The encrypted columns of the request store as a whole, below EF Core (plain SQL over the columns the model marks, in
/// batches): the start-up check that the configured keys can read what the database holds, the one-time encryption of
/// values stored before encryption was introduced, and the re-encryption a key rotation needs.
/// </summary>
public sealed class EncryptedColumns(BackOfficeDbContext db, ILogger<EncryptedColumns> logger)
{
    /// <summary>The <see cref="EncryptionKeyRecord"/> standing for values stored plain (the migration that introduced
    /// encryption adds it; start-up removes it once every value is encrypted).</summary>
    public const string Plaintext = "plaintext";

    public const int BatchSize = 500;

    /// <summary>
    /// At start-up, after the migrations: stops with <see cref="FieldEncryptionException"/> naming the key when the database
    /// holds values under a key that is not configured; encrypts values stored before encryption; records the current key.
    /// </summary>
    public async Task VerifyAndUpgradeAsync(CancellationToken cancellationToken = default)
    {
        var recorded = await VerifyAsync(cancellationToken);
        if (recorded.Contains(Plaintext))
        {
            var result = await ReencryptAsync(cancellationToken);
            await db.EncryptionKeys.Where(k => k.KeyId == Plaintext).ExecuteDeleteAsync(cancellationToken);
            if (result.Values > 0)
                logger.LogWarning("Encrypted {Values} database values in {Rows} rows that were stored unencrypted before", result.Values, result.Rows);
        }

        var older = recorded.Where(id => id != Plaintext && id != db.Fields.Current.Id).ToList();
        if (older.Count > 0)
            logger.LogWarning("Database values may still be encrypted with key {Previous}; run `encryption rotate` to re-encrypt them with {Current}",
                string.Join(", ", older), db.Fields.Current.Id);
    }

    /// <summary>
    /// Re-encrypts every value not under the current key (and encrypts any plain one) and recomputes its search hash, then
    /// forgets the other keys: afterwards the previous keys can be removed from the settings. Safe to run while the app
    /// serves (rows are updated only if unchanged meanwhile, and searches match hashes under every configured key) and to
    /// run again after an interruption.
    /// </summary>
    public async Task<FieldRotationResult> RotateAsync(CancellationToken cancellationToken = default)
    {
        await VerifyAsync(cancellationToken);
        var result = await ReencryptAsync(cancellationToken);
        var current = db.Fields.Current.Id;
        await db.EncryptionKeys.Where(k => k.KeyId != current).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Key rotation to {KeyId}: {Values} database values in {Rows} rows re-encrypted", current, result.Values, result.Rows);
        return result;
    }

    /// <summary>How many stored values each key encrypted (<see cref="Plaintext"/>: not encrypted). Reads every encrypted column.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var connection = await OpenAsync(cancellationToken);
        foreach (var table in Tables())
        {
            foreach (var column in table.Columns)
            {
                var c = Quote(column.Name);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT CASE WHEN substr({c}, 1, {FieldEncryption.Prefix.Length}) = '{FieldEncryption.Prefix}' "
                    + $"THEN substr({c}, {FieldEncryption.Prefix.Length + 1}, {FieldKey.IdLength}) ELSE '{Plaintext}' END, COUNT(*) "
                    + $"FROM {Quote(table.Name)} WHERE {c} IS NOT NULL GROUP BY 1";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var key = reader.GetString(0);
                    counts[key] = counts.GetValueOrDefault(key) + Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                }
            }
        }

        return counts;
    }

    /// <summary>The key ids the database says its values may be under; throws when one is not configured.</summary>
    private async Task<List<string>> VerifyAsync(CancellationToken cancellationToken)
    {
        var recorded = await db.EncryptionKeys.AsNoTracking().Select(k => k.KeyId).ToListAsync(cancellationToken);
        var unknown = recorded.Where(id => id != Plaintext && !db.Fields.Knows(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var message = FieldEncryption.UnknownKeyMessage(unknown, db.Fields.Current.Id);
            logger.LogCritical("Not starting: {Reason}", message);
            throw new FieldEncryptionException(message);
        }

        // Recorded before anything is written with it, so a later start with other keys is refused.
        var current = db.Fields.Current.Id;
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "EncryptionKeys" ("KeyId") VALUES ({current}) ON CONFLICT ("KeyId") DO NOTHING""", cancellationToken);
        return recorded;
    }

    private async Task<FieldRotationResult> ReencryptAsync(CancellationToken cancellationToken)
    {
        int rows = 0, values = 0;
        foreach (var table in Tables())
        {
            // A row changed by the app between the read and the update is left alone (it was written with the current key)
            // unless one of its other values still needs work: passes repeat until one leaves nothing behind.
            for (var pass = 1; ; pass++)
            {
                var (changedRows, changedValues, skipped) = await ReencryptTableAsync(table, cancellationToken);
                rows += changedRows;
                values += changedValues;
                if (skipped == 0) break;
                if (pass == 5)
                    throw new InvalidOperationException($"{skipped} rows of {table.Name} kept changing while being re-encrypted; run the rotation again.");
            }
        }

        return new FieldRotationResult(db.Fields.Current.Id, rows, values);
    }

    private async Task<(int Rows, int Values, int Skipped)> ReencryptTableAsync(Table table, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var prefix = db.Fields.CurrentPrefix;
        var key = Quote(table.Key);
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        var stale = string.Join(" OR ", table.Columns.Select(c => $"({Quote(c.Name)} IS NOT NULL AND substr({Quote(c.Name)}, 1, {prefix.Length}) <> @prefix)"));
        object? after = null;
        int rows = 0, values = 0, skipped = 0;
        while (true)
        {
            var batch = new List<(object Key, string?[] Values)>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {key}, {columns} FROM {Quote(table.Name)} WHERE {(after is null ? "" : $"{key} > @after AND ")}({stale}) "
                    + $"ORDER BY {key} LIMIT {BatchSize}";
                Add(select, "@prefix", prefix);
                if (after is not null) Add(select, "@after", after);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var stored = new string?[table.Columns.Count];
                    for (var i = 0; i < stored.Length; i++) stored[i] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
                    batch.Add((reader.GetValue(0), stored));
                }
            }

            if (batch.Count == 0) return (rows, values, skipped);
            after = batch[^1].Key;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (rowKey, stored) in batch)
            {
                var (changed, affected) = await UpdateRowAsync(connection, transaction.GetDbTransaction(), table, rowKey, stored, prefix, cancellationToken);
                if (affected == 0) skipped++;
                else
                {
                    rows++;
                    values += changed;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Re-encrypts one row's stale values (and their hashes) if they are still what was read.</summary>
    private async Task<(int Changed, int Affected)> UpdateRowAsync(DbConnection connection, DbTransaction transaction, Table table, object rowKey,
        string?[] stored, string prefix, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        var set = new StringBuilder();
        var where = new StringBuilder();
        var changed = 0;
        for (var i = 0; i < stored.Length; i++)
        {
            var value = stored[i];
            if (value is null || value.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var column = table.Columns[i];
            var plain = FieldEncryption.IsEncrypted(value) ? db.Fields.Unprotect(value, column.Purpose) : Legacy(value, column);
            if (set.Length > 0) set.Append(", ");
            set.Append(CultureInfo.InvariantCulture, $"{Quote(column.Name)} = @v{i}");
            Add(update, $"@v{i}", db.Fields.Protect(plain, column.Purpose));
            where.Append(CultureInfo.InvariantCulture, $" AND {Quote(column.Name)} = @o{i}");
            Add(update, $"@o{i}", value);
            if (column.Hash is { } hash)
            {
                set.Append(CultureInfo.InvariantCulture, $", {Quote(hash.Column)} = @h{i}");
                Add(update, $"@h{i}", (object?)db.Fields.Hash(plain, hash.Purpose) ?? DBNull.Value);
            }

            changed++;
        }

        update.CommandText = $"UPDATE {Quote(table.Name)} SET {set} WHERE {Quote(table.Key)} = @key{where}";
        Add(update, "@key", rowKey);
        return (changed, await update.ExecuteNonQueryAsync(cancellationToken));
    }

    // A value stored before encryption: text as the column held it (a date as yyyy-MM-dd, JSON as JSON).
    private static string Legacy(string value, Column column)
    {
        if (column.IsDate) FieldEncryption.ParseDateText(value);
        return value;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db.Database.GetDbConnection();
    }

    /// <summary>Every table with encrypted columns, from the model: its key column and each encrypted column with its hash column.</summary>
    private List<Table> Tables()
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var tables = new List<Table>();
        foreach (var group in model.GetEntityTypes().Where(e => e.GetTableName() is not null).GroupBy(e => e.GetTableName()!))
        {
            var store = StoreObjectIdentifier.Table(group.Key, group.First().GetSchema());
            var columns = new List<Column>();
            foreach (var entityType in group)
            {
                var hashes = SearchHashes.Of(entityType).ToDictionary(h => h.Source.Name, h => new HashColumn(h.Hash.GetColumnName(store)!, h.Purpose));
                foreach (var property in entityType.GetDeclaredProperties())
                {
                    if (property.FindAnnotation(SensitiveFields.EncryptedAnnotation)?.Value is not string purpose) continue;
                    var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    columns.Add(new Column(property.GetColumnName(store)!, purpose, type == typeof(DateOnly), hashes.GetValueOrDefault(property.Name)));
                }
            }

            if (columns.Count == 0) continue;
            var owner = group.Single(e => !e.IsOwned());
            var key = owner.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
            tables.Add(new Table(group.Key, key, columns));
        }

        return tables;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record Table(string Name, string Key, IReadOnlyList<Column> Columns);

    private sealed record Column(string Name, string Purpose, bool IsDate, HashColumn? Hash);

    private sealed record HashColumn(string Column, string Purpose);
}
