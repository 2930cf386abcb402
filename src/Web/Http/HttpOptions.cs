namespace BackOffice.Web.Http;

/// <summary>Transport settings (<c>BackOffice:Http</c>): HTTPS, the reverse proxies trusted to forward, extra host names.</summary>
public sealed class HttpOptions
{
    public const string Section = "BackOffice:Http";

    /// <summary>
    /// Redirect HTTP to HTTPS and send HSTS. Default: true outside Development. Set it false only where TLS ends before
    /// the app on the same machine (e.g. the load programs on loopback) or at a proxy listed in <see cref="KnownProxies"/>
    /// that forwards the original scheme.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed (nobody else's are).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) of such proxies.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Host names answered besides the public base URL's (e.g. an internal name the health probe uses).</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// The largest request body taken by a page or API call that has no upload (forms and JSON are a few kilobytes);
    /// pages taking files allow their own limit (<see cref="Documents.UploadLimitsAttribute"/>). Larger bodies get 413.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long browsers remember to use HTTPS only (HSTS max-age), in days.</summary>
    public int HstsDays { get; set; } = 365;
}
