using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// Lets a test say which client address a request comes from (header <see cref="Header"/>), as requests from
/// different machines would; requests without the header keep the test server's own.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };

    /// <summary>A browser whose every request comes from <paramref name="address"/>.</summary>
    public static HttpClient BrowserFrom(BackOfficeFactory factory, string address)
    {
        var client = factory.CreateBrowser();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
