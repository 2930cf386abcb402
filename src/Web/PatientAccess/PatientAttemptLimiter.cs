using System.Security.Cryptography;
using System.Text;
using BackOffice.Workflows.Limits;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.PatientAccess;

/// <summary>
/// Fixed-window attempt counters kept in the database (<see cref="AttemptCounter"/>, counted by
/// <see cref="AttemptCounterStore"/> without a disk flush), so every node counts the same attempts: an attacker spread over several nodes gets no more tries than against one. The ASP.NET Core rate-limiting
/// middleware cannot do this job: it counts per process, before the handler runs, while these limits count failures,
/// key on what the form posted (a tracking number, a link), and the refusal is a page in the site's layout. Keys are
/// stored hashed (a client address is personal data); windows long past are swept by the hourly job.
/// </summary>
public sealed class PatientAttemptLimiter(BackOfficeDbContext db, AttemptCounterStore counters, PatientRateLimitOptions options, TimeProvider time)
{
    private readonly Dictionary<AttemptBucket, (int Permits, TimeSpan Window)> _limits = new()
    {
        [AttemptBucket.StatusPerIp] = Limit(options.StatusLookupsPerIp, options.StatusLookupWindowMinutes),
        [AttemptBucket.StatusFailuresPerTrackingNumber] = Limit(options.StatusFailuresPerTrackingNumber, options.StatusFailureWindowMinutes),
        [AttemptBucket.PortalPerIp] = Limit(options.PortalAttemptsPerIp, options.PortalAttemptWindowMinutes),
        [AttemptBucket.PortalFailuresPerLink] = Limit(options.PortalFailuresPerLink, options.PortalLinkWindowMinutes),
        [AttemptBucket.PortalCodesPerLink] = Limit(options.PortalCodesPerLink, options.PortalLinkWindowMinutes),
        [AttemptBucket.FeeEstimatesPerIp] = (Math.Max(1, options.PublicApiPerMinute), TimeSpan.FromMinutes(1)),
        [AttemptBucket.ApiCallsPerKey] = (Math.Max(1, options.ApiCallsPerKeyPerMinute), TimeSpan.FromMinutes(1)),
    };

    /// <summary>The longest a refused client waits for the bucket to refill (its window): the Retry-After of a refusal.</summary>
    public TimeSpan WindowOf(AttemptBucket bucket) => _limits[bucket].Window;

    /// <summary>Uses one attempt; false when none is left in the current window.</summary>
    public Task<bool> TryUseAsync(AttemptBucket bucket, string key, CancellationToken cancellationToken = default)
    {
        var (bucketName, hash, window, permits) = Locate(bucket, key);
        return counters.TryCountAsync(db, bucketName, hash, window, permits, cancellationToken);
    }

    /// <summary>Whether an attempt is left, without using one.</summary>
    public async Task<bool> HasRoomAsync(AttemptBucket bucket, string key, CancellationToken cancellationToken = default)
    {
        var (bucketName, hash, window, permits) = Locate(bucket, key);
        return !await db.AttemptCounters.AnyAsync(
            c => c.Bucket == bucketName && c.KeyHash == hash && c.WindowStart == window && c.Count >= permits, cancellationToken);
    }

    /// <summary>Forgets windows that ended more than a day ago; the number of rows removed.</summary>
    public static Task<int> SweepAsync(BackOfficeDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = now.AddDays(-1).ToUnixTimeSeconds();
        return db.AttemptCounters.Where(c => c.WindowStart < before).ExecuteDeleteAsync(cancellationToken);
    }

    public static string ClientKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private (string Bucket, string Hash, long Window, int Permits) Locate(AttemptBucket bucket, string key)
    {
        var (permits, window) = _limits[bucket];
        var seconds = (long)window.TotalSeconds;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var name = bucket.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + key)))[..32];
        return (name, hash, now - (now % seconds), permits);
    }

    private static (int, TimeSpan) Limit(int permits, int minutes) => (Math.Max(1, permits), TimeSpan.FromMinutes(Math.Max(1, minutes)));
}
