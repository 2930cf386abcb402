using System.Data.Common;
using System.Globalization;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>The database as anyone with a copy of it sees it: plain SQL, no EF Core converters, no keys.</summary>
public static class RawDatabase
{
    public static bool IsPostgres(BackOfficeDbContext db) => db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);

    public static async Task<List<string>> TablesAsync(BackOfficeDbContext db)
    {
        var sql = IsPostgres(db)
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        return [.. (await QueryAsync(db, sql)).Select(row => row.Values.Single()!)];
    }

    /// <summary>Every row of a table, each cell as text (arrays joined), keyed by column name.</summary>
    public static Task<List<Dictionary<string, string?>>> RowsAsync(BackOfficeDbContext db, string table) =>
        QueryAsync(db, $"SELECT * FROM \"{table}\"");

    /// <summary>Every cell of every table as text: what a stolen copy of the database shows.</summary>
    public static async Task<List<(string Table, string Column, string Value)>> EverythingAsync(BackOfficeDbContext db)
    {
        var cells = new List<(string, string, string)>();
        foreach (var table in await TablesAsync(db))
        {
            foreach (var row in await RowsAsync(db, table))
            {
                foreach (var (column, value) in row)
                {
                    if (value is not null) cells.Add((table, column, value));
                }
            }
        }

        return cells;
    }

    /// <summary>Each column the model stores encrypted, as table and column name.</summary>
    public static List<(string Table, string Column)> EncryptedColumns(BackOfficeDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        var columns = new List<(string, string)>();
        foreach (var entityType in model.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.FindAnnotation(SensitiveFields.EncryptedAnnotation) is not null) columns.Add((table, property.GetColumnName(store)!));
            }
        }

        return columns;
    }

    public static async Task<List<Dictionary<string, string?>>> QueryAsync(BackOfficeDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, string?>>();
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = Text(reader, i);
                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task ExecuteAsync(BackOfficeDbContext db, string sql, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Text(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return null;
        return reader.GetValue(i) switch
        {
            Array array => string.Join(" | ", array.Cast<object?>()),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString(),
        };
    }
}
