using System.Net;
using BackOffice.Web.Documents;

namespace BackOffice.Web.Tests.Documents;

public sealed class ClientAddressesTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void AnAddress_IsCounted_AsItsIPv4Address_OrItsIPv6Network(string address, string counted) =>
        ClientAddresses.KeyOf(IPAddress.Parse(address)).ShouldBe(counted);

    [Fact]
    public void NoAddress_IsCountedAsOne() => ClientAddresses.KeyOf(null).ShouldBe("unknown");
}
