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
    private readonly Dictionary<AttemptBucket, TimeSpan> _windows;

    public PatientAttemptLimiter(PatientRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = new Dictionary<AttemptBucket, (int Permits, int Minutes)>
        {
            [AttemptBucket.StatusPerIp] = (options.StatusLookupsPerIp, options.StatusLookupWindowMinutes),
            [AttemptBucket.StatusFailuresPerTrackingNumber] = (options.StatusFailuresPerTrackingNumber, options.StatusFailureWindowMinutes),
            [AttemptBucket.PortalPerIp] = (options.PortalAttemptsPerIp, options.PortalAttemptWindowMinutes),
            [AttemptBucket.PortalFailuresPerLink] = (options.PortalFailuresPerLink, options.PortalLinkWindowMinutes),
            [AttemptBucket.PortalCodesPerLink] = (options.PortalCodesPerLink, options.PortalLinkWindowMinutes),
        };
        _windows = limits.ToDictionary(l => l.Key, l => TimeSpan.FromMinutes(Math.Max(1, l.Value.Minutes)));
        _limiters = limits.ToDictionary(l => l.Key, l => Create(l.Value.Permits, _windows[l.Key]));
    }

    /// <summary>The longest a refused client waits for the bucket to refill (its window): the Retry-After of a refusal.</summary>
    public TimeSpan WindowOf(AttemptBucket bucket) => _windows[bucket];

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

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = window,
                QueueLimit = 0,
            }));
}
