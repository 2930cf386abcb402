using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BackOffice.Web.Identity;

// Used by `dotnet ef migrations add`; the connection strings only shape the SQL, nothing connects.
internal sealed class SqliteStaffIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStaffIdentityDbContext>
{
    public SqliteStaffIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStaffIdentityDbContext>().UseStaffSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresStaffIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStaffIdentityDbContext>
{
    public PostgresStaffIdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStaffIdentityDbContext>().UseStaffNpgsql("Host=localhost;Database=design").Options);
}
