using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Identity.Sessions;

/// <summary>Counts failed staff sign-ins in the shared database, so every node applies the same limits.</summary>
public sealed class SignInThrottle(StaffIdentityDbContext db, IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly SignInThrottleOptions _limits = options.Value;

    /// <summary>How long this address must wait before trying again; null when it may try now.</summary>
    public async Task<TimeSpan?> WaitForAsync(string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowStart = (now - _limits.Window).ToUnixTimeMilliseconds();
        var dayStart = (now - Day).ToUnixTimeMilliseconds();
        var today = await db.SignInFailures.Where(f => f.Address == address && f.At >= dayStart)
            .OrderBy(f => f.At).Select(f => f.At).ToListAsync(cancellationToken);
        if (today.Count >= _limits.FailuresPerAddressPerDay)
            return Until(today[today.Count - _limits.FailuresPerAddressPerDay] + (long)Day.TotalMilliseconds, now);
        var recent = today.Where(at => at >= windowStart).ToList();
        return recent.Count >= _limits.FailuresPerAddress
            ? Until(recent[recent.Count - _limits.FailuresPerAddress] + (long)_limits.Window.TotalMilliseconds, now)
            : null;
    }

    /// <summary>Records a failure; true when the account tried has now failed often enough, from enough addresses, to be locked.</summary>
    public async Task<bool> RecordFailureAsync(string address, string userName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var name = userName.ToUpperInvariant();
        db.SignInFailures.Add(new SignInFailure { Address = address, UserName = name, At = now.ToUnixTimeMilliseconds() });
        await db.SaveChangesAsync(cancellationToken);
        await db.SignInFailures.Where(f => f.At < (now - Day).ToUnixTimeMilliseconds()).ExecuteDeleteAsync(cancellationToken);

        var windowStart = (now - _limits.Window).ToUnixTimeMilliseconds();
        var forAccount = await db.SignInFailures.Where(f => f.UserName == name && f.At >= windowStart)
            .Select(f => f.Address).ToListAsync(cancellationToken);
        return forAccount.Count >= _limits.FailuresToLock && forAccount.Distinct(StringComparer.Ordinal).Count() >= _limits.AddressesToLock;
    }

    /// <summary>After a success: the account's failures no longer count towards locking it.</summary>
    public Task ForgetAccountAsync(string userName, CancellationToken cancellationToken)
    {
        var name = userName.ToUpperInvariant();
        return db.SignInFailures.Where(f => f.UserName == name).ExecuteDeleteAsync(cancellationToken);
    }

    private static TimeSpan Until(long unixMilliseconds, DateTimeOffset now)
    {
        var wait = DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
