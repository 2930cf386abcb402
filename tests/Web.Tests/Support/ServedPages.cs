using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// Which Razor page answered each address, as the app's own routing chose it: a test that checks "every page" learns
/// from the app what it checked, so an address that only looks like a page's (one its route constraints refuse, shown by
/// the error page) does not count as that page. The error page counts for an address no page has.
/// </summary>
public sealed class ServedPages : IStartupFilter
{
    private readonly ConcurrentDictionary<string, string> _pageByPath = new(StringComparer.Ordinal);

    /// <summary>Adds the recorder to the app's services (for <see cref="BackOfficeFactory.ConfigureServices"/>).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton<IStartupFilter>(this);
    }

    /// <summary>The page (its view-engine path, e.g. "/Request/Delivery") that last answered <paramref name="path"/>, or null.</summary>
    public string? PageAt(string path) => _pageByPath.TryGetValue(path, out var page) ? page : null;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            // The address asked for, before an error page re-executes the request under its own path.
            var path = context.Request.Path.Value ?? "";
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath is { } page)
                    _pageByPath[path] = page;
                return Task.CompletedTask;
            });
            return following(context);
        });
        next(app);
    };

    /// <summary>Every page the app maps (view-engine paths).</summary>
    public static IReadOnlyList<string> AllPages(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)];
}
