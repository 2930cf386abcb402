using System.Net;
using BackOffice.Web.Site;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace BackOffice.Web.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// HTTPS (redirect and HSTS, default outside Development), security headers on every response, forwarded headers
    /// from the configured proxies only, and — outside Development — only the public base URL's host answered, so a
    /// forged Host header never reaches a redirect or a link.
    /// </summary>
    public static WebApplicationBuilder AddBackOfficeHttp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new HttpOptions();
        builder.Configuration.GetSection(HttpOptions.Section).Bind(options);
        options.RequireHttps ??= !builder.Environment.IsDevelopment();
        var services = builder.Services;
        services.AddSingleton(options);
        builder.AddRequestLoggingWithoutHealthData();
        services.AddBackOfficeSecurityHeaders(options.RequireHttps.Value, options.HstsDays);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        if (options.KnownProxies.Count + options.KnownNetworks.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in options.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
                foreach (var network in options.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            });
        }

        if (!builder.Environment.IsDevelopment())
        {
            // Runs after the host's own reading of "AllowedHosts": "*" there is narrowed to the public host.
            services.AddOptions<HostFilteringOptions>().PostConfigure<Microsoft.Extensions.Options.IOptions<SiteOptions>>((filtering, site) =>
            {
                var hosts = filtering.AllowedHosts.Where(h => h != "*").ToList();
                hosts.Add(new Uri(site.Value.PublicBaseUrl).Host);
                hosts.AddRange(options.AllowedHosts);
                filtering.AllowedHosts = [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
                filtering.AllowEmptyHosts = false;
            });
        }

        return builder;
    }

    /// <summary>The transport middleware, first in the pipeline so every response — errors and files too — carries the headers.</summary>
    public static void UseBackOfficeHttp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<HttpOptions>();
        if (options.KnownProxies.Count + options.KnownNetworks.Count > 0) app.UseForwardedHeaders();
        app.UseRequestLoggingWithoutHealthData();
        app.UseSecurityHeaders();
        if (options.RequireHttps == true) app.UseHttpsRedirection();

        var site = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value;
        if (!app.Environment.IsDevelopment() && site.PublicBaseUrl == SiteOptions.DefaultPublicBaseUrl)
            app.Logger.LogWarning("BackOffice:Site:PublicBaseUrl is still {Url}: links in e-mails (status page, portal) would point to this machine. Set it to the address patients use.", site.PublicBaseUrl);
        if (options.RequireHttps == false && !app.Environment.IsDevelopment())
            app.Logger.LogWarning("BackOffice:Http:RequireHttps is false: use this only where TLS ends before the app (a proxy in BackOffice:Http:KnownProxies, or loopback tests)");
    }
}
