using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Workflows.Persistence;

public sealed class SqliteBackOfficeDbContext(DbContextOptions<SqliteBackOfficeDbContext> options, FieldEncryption fields)
    : BackOfficeDbContext(options, fields)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type and cannot order or compare the text form; every
        // instant we store is UTC, so the binary form (ticks) sorts and compares correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresBackOfficeDbContext(DbContextOptions<PostgresBackOfficeDbContext> options, FieldEncryption fields)
    : BackOfficeDbContext(options, fields);
