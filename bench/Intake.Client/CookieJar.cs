using System.Net.Http.Headers;

namespace BackOffice.Intake.Client;

/// <summary>
/// One browser's cookies for one host, kept by hand so that every simulated person can share one connection pool (a
/// <see cref="System.Net.CookieContainer"/> belongs to a handler, and a handler per person would open new
/// connections for each). Enough of RFC 6265 for one site: name=value, deleted by an expiry in the past or an empty value.
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The person's own address, sent as <c>X-Forwarded-For</c> as a proxy in front of the app would: the app
    /// trusts loopback as its proxy in the load run, so per-address limits see many people, as they would in reality.</summary>
    public string ClientAddress { get; } = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    public void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
    }

    public void Take(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var header in values)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }
}
