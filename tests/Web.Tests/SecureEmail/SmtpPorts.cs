namespace BackOffice.Web.Tests.SecureEmail;

public static class SmtpPorts
{
    /// <summary>A port nothing listens on now.</summary>
    public static int Free()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
