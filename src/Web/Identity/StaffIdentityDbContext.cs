using BackOffice.Web.Identity.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

/// <summary>
/// Staff accounts and roles, in the same database as the requests but with their own migrations (history table
/// <see cref="MigrationsHistoryTable"/>), so the Workflows project stays free of ASP.NET Core. Each provider has a
/// subclass that owns its migrations, like the request store. It also keeps the Data Protection key ring, so every node
/// sharing the database reads the same cookies and protected values (the keys' secrets encrypted with the
/// key-encryption key, <see cref="Encryption.KeyRingXmlEncryptor"/>).
/// </summary>
public abstract class StaffIdentityDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";

    public DbSet<StaffSession> Sessions => Set<StaffSession>();

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<StaffSession>(session =>
        {
            session.ToTable("StaffSessions");
            session.HasKey(s => s.KeyHash);
            session.Property(s => s.KeyHash).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.HasIndex(s => s.UserId);
            session.HasIndex(s => s.ExpiresAt);
        });
        builder.Entity<SignInFailure>(failure =>
        {
            failure.ToTable("SignInFailures");
            failure.Property(f => f.Address).HasMaxLength(64);
            failure.Property(f => f.UserName).HasMaxLength(256);
            failure.HasIndex(f => new { f.Address, f.At });
            failure.HasIndex(f => new { f.UserName, f.At });
            failure.HasIndex(f => f.At);
        });
    }
}
