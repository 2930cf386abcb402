using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Identity.Sessions;

/// <summary>Ends a staff member's sessions on every node (a password reset, a role change, a disabled account).</summary>
public sealed class StaffSessions(StaffIdentityDbContext db)
{
    /// <summary>Ends every open session of the account; the number ended.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> CountOpenAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.Sessions.CountAsync(s => s.UserId == userId && s.ExpiresAt >= now.ToUnixTimeMilliseconds(), cancellationToken);
}
