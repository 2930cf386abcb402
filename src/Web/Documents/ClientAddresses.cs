using System.Net;
using System.Net.Sockets;

namespace BackOffice.Web.Documents;

public static class ClientAddresses
{
    /// <summary>
    /// The address an anonymous client is counted by: an IPv4 address as it is (an IPv4-mapped IPv6 one as IPv4), an
    /// IPv6 address by its /64 network (one subscriber's usual allocation, so rotating addresses within it gains nothing).
    /// </summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
