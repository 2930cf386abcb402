using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace BackOffice.Web.Pages.Staff;

/// <summary>
/// Whether a person may open a <see cref="StaffScreen"/>, decided by the same authorization the request to it meets:
/// the screen's endpoint metadata (folder conventions, the page model's <c>[Authorize]</c>, <c>RequireAuthorization</c>)
/// combined as the authorization middleware combines it. The combined policy of each screen is worked out once.
/// </summary>
public sealed class StaffScreenAccess(EndpointDataSource endpoints, PageLoader pages, IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization)
{
    private readonly ConcurrentDictionary<string, Task<AuthorizationPolicy?>> _policies = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, StaffScreen screen)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(screen);
        var policy = await _policies.GetOrAdd(screen.Page, PolicyOfAsync);
        // A screen this host does not serve (e.g. a page removed) is never offered.
        if (policy is null) return false;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    /// <summary>The combined policy of the endpoint serving <paramref name="page"/>; null when no endpoint serves it.</summary>
    private async Task<AuthorizationPolicy?> PolicyOfAsync(string page)
    {
        var metadata = await MetadataOfAsync(page);
        if (metadata is null) return null;
        var combined = await AuthorizationPolicy.CombineAsync(policies, metadata.GetOrderedMetadata<IAuthorizeData>(),
            metadata.GetOrderedMetadata<AuthorizationPolicy>());
        // An endpoint without any authorization requirement admits anyone signed in to reach the home.
        return combined ?? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private async Task<EndpointMetadataCollection?> MetadataOfAsync(string page)
    {
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                if (!string.Equals(descriptor.ViewEnginePath, page, StringComparison.OrdinalIgnoreCase)) continue;
                // The page model's own attributes are in the compiled page's metadata, not the route's.
                var compiled = await pages.LoadAsync(descriptor, endpoint.Metadata);
                return compiled.Endpoint?.Metadata ?? endpoint.Metadata;
            }

            if (endpoint is RouteEndpoint route && ("/" + route.RoutePattern.RawText?.TrimStart('/'))
                    .StartsWith(page, StringComparison.OrdinalIgnoreCase))
                return endpoint.Metadata;
        }

        return null;
    }
}
