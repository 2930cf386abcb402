using BackOffice.Web.Identity;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace BackOffice.Web.Jobs;

/// <summary>
/// The Hangfire dashboard admits supervisors signed in to the app (its default admits local requests only). The
/// endpoint also requires the Supervisor policy, so an anonymous visitor is sent to sign in and a clerk is refused
/// before this runs; the filter keeps the dashboard closed even if it is mapped without that policy.
/// </summary>
internal sealed class SupervisorDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true) return false;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, StaffPolicies.Supervisor)).Succeeded;
    }
}
