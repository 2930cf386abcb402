using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

public sealed class SqliteStaffIdentityDbContext(DbContextOptions<SqliteStaffIdentityDbContext> options) : StaffIdentityDbContext(options);
