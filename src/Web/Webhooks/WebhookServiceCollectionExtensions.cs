using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// The webhook sender and its HTTP client: no redirects (an answer may not send the app elsewhere), a timeout, and a
    /// connection made only to an address <see cref="WebhookAddresses"/> allows, checked on the address actually
    /// connected to — a name that resolved to a public address when the webhook was set and to an inside one now is refused.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookAddresses>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(Math.Max(1, sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds)))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var addresses = sp.GetRequiredService<WebhookAddresses>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        var host = context.DnsEndPoint.Host;
                        var candidates = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                        var allowed = candidates.FirstOrDefault(addresses.MayConnect)
                            ?? throw new HttpRequestException($"{host} resolves to an address inside a private network; not connected.");
                        var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
        return services;
    }
}
