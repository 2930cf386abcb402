using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

/// <summary>
/// Staff accounts and roles, in the same database as the requests but with their own migrations (history table
/// <see cref="MigrationsHistoryTable"/>), so the Workflows project stays free of ASP.NET Core. Each provider has a
/// subclass that owns its migrations, like the request store.
/// </summary>
public abstract class StaffIdentityDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
    }
}
