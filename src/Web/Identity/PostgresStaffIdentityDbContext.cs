using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity;

public sealed class PostgresStaffIdentityDbContext(DbContextOptions<PostgresStaffIdentityDbContext> options) : StaffIdentityDbContext(options);
