using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Webhooks;

/// <summary>
/// Which webhook addresses the app posts to: https URLs whose host resolves only to public addresses. Loopback, private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata —, fe80::/10), shared (100.64/10),
/// unspecified, multicast and documentation ranges are refused, so a webhook cannot make the app call inside its own
/// network, unless <see cref="WebhookOptions.AllowPrivateAddresses"/> (tests) allows them, and plain http with them.
/// </summary>
public sealed class WebhookAddresses(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 500;

    /// <summary>The URL as it will be stored, or why it cannot be used.</summary>
    public async Task<(Uri? Url, string? Problem)> CheckAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "Enter the webhook's address, e.g. https://example.org/backoffice-events.");
        text = text.Trim();
        if (text.Length > MaxUrlLength) return (null, $"Use at most {MaxUrlLength} characters.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.IsFile)
            return (null, "Enter a full https address, e.g. https://example.org/backoffice-events.");
        if (!string.IsNullOrEmpty(url.UserInfo)) return (null, "Leave the user name and password out of the address.");
        if (!string.IsNullOrEmpty(url.Fragment)) return (null, "Leave the #fragment out of the address.");
        var allowPrivate = options.Value.AllowPrivateAddresses;
        if (url.Scheme != "https" && !allowPrivate) return (null, "The webhook must use https.");

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return (null, $"The name {url.Host} cannot be found.");
        }

        if (addresses.Length == 0) return (null, $"The name {url.Host} cannot be found.");
        if (!allowPrivate && addresses.FirstOrDefault(a => !IsPublic(a)) is { } inside)
            return (null, $"{url.Host} is an address inside a private network ({inside}); the webhook must be reachable on the internet.");
        return (url, null);
    }

    /// <summary>Whether the app may connect to <paramref name="address"/> for a webhook.</summary>
    public bool MayConnect(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return options.Value.AllowPrivateAddresses || IsPublic(address);
    }

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19 || (b[1] == 51 && b[2] == 100)))
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8));
    }
}
