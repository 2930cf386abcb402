using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

/// <summary>The provider set-up shared by the running app and the design-time factories.</summary>
internal static class StaffIdentityDatabase
{
    public static TBuilder UseStaffSqlite<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(StaffIdentityDbContext.MigrationsHistoryTable));
        return builder;
    }

    public static TBuilder UseStaffNpgsql<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(StaffIdentityDbContext.MigrationsHistoryTable));
        return builder;
    }
}
