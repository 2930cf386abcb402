using System.Threading.RateLimiting;

namespace BackOffice.Web.Portal;

/// <summary>How often strangers may try the patient lookups (<c>BackOffice:RateLimits</c>).</summary>
public sealed class PatientRateLimitOptions
{
    public int StatusLookupsPerIp { get; set; } = 10;
    public int StatusLookupWindowMinutes { get; set; } = 15;
    public int StatusFailuresPerTrackingNumber { get; set; } = 5;
    public int StatusFailureWindowMinutes { get; set; } = 60;
    public int PortalAttemptsPerIp { get; set; } = 10;
    public int PortalAttemptWindowMinutes { get; set; } = 15;
    /// <summary>Wrong dates of birth on one link.</summary>
    public int PortalFailuresPerLink { get; set; } = 5;
    /// <summary>Codes e-mailed for one link.</summary>
    public int PortalCodesPerLink { get; set; } = 5;
    public int PortalLinkWindowMinutes { get; set; } = 60;
}

public enum AttemptBucket
{
    /// <summary>Every status lookup, per client address.</summary>
    StatusPerIp,
    /// <summary>Failed status lookups, per tracking number (known or not, so the limit reveals nothing).</summary>
    StatusFailuresPerTrackingNumber,
    /// <summary>Every date-of-birth or code attempt on the portal, per client address.</summary>
    PortalPerIp,
    PortalFailuresPerLink,
    PortalCodesPerLink,
}

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
