using System.Threading.RateLimiting;

namespace BackOffice.Web.PatientAccess;

/// <summary>
/// Fixed-window counters kept in memory (per node). The ASP.NET Core rate-limiting middleware cannot do this
/// job alone: it counts requests before the handler runs, while these limits count failures and key on what the
/// form posted (a tracking number), and the refusal is a page in the site's layout rather than a bare 429.
/// </summary>
public sealed class PatientAttemptLimiter : IDisposable
{
    private readonly Dictionary<AttemptBucket, PartitionedRateLimiter<string>> _limiters;

    public PatientAttemptLimiter(PatientRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiters = new()
        {
            [AttemptBucket.StatusPerIp] = Create(options.StatusLookupsPerIp, options.StatusLookupWindowMinutes),
            [AttemptBucket.StatusFailuresPerTrackingNumber] = Create(options.StatusFailuresPerTrackingNumber, options.StatusFailureWindowMinutes),
            [AttemptBucket.PortalPerIp] = Create(options.PortalAttemptsPerIp, options.PortalAttemptWindowMinutes),
            [AttemptBucket.PortalFailuresPerLink] = Create(options.PortalFailuresPerLink, options.PortalLinkWindowMinutes),
            [AttemptBucket.PortalCodesPerLink] = Create(options.PortalCodesPerLink, options.PortalLinkWindowMinutes),
        };
    }

    /// <summary>Uses one attempt; false when none is left in the current window.</summary>
    public bool TryUse(AttemptBucket bucket, string key)
    {
        using var lease = _limiters[bucket].AttemptAcquire(key);
        return lease.IsAcquired;
    }

    /// <summary>Whether an attempt is left, without using one.</summary>
    public bool HasRoom(AttemptBucket bucket, string key)
    {
        using var lease = _limiters[bucket].AttemptAcquire(key, 0);
        return lease.IsAcquired;
    }

    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int permits, int minutes) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = TimeSpan.FromMinutes(Math.Max(1, minutes)),
                QueueLimit = 0,
            }));
}
