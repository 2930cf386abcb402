using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BackOffice.Workflows.Persistence;

// Used by `dotnet ef migrations add`; the connection strings only shape the SQL, nothing connects.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBackOfficeDbContext>
{
    public SqliteBackOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBackOfficeDbContext>().UseSqlite("Data Source=design.db").Options,
            FieldEncryption.ForDesignTime());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBackOfficeDbContext>
{
    public PostgresBackOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBackOfficeDbContext>().UseNpgsql("Host=localhost;Database=design").Options,
            FieldEncryption.ForDesignTime());
}
