using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Identity;

public sealed class StaffAuthorizationTests
{
    [Theory]
    [InlineData("clerk")]
    [InlineData("rulesadmin")]
    public async Task StaffUsers_IsDenied_ToAnyoneButASupervisor(string userName)
    {
        await using var factory = new BackOfficeFactory();
        using var client = await factory.SignedInAsync(userName);

        var response = await client.GetAsync(new Uri("/Staff/Users", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/AccessDenied");
        var (status, html) = await client.GetPageAsync(response.Location()!);
        status.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("You do not have access to that page");
        (await client.GetAsync(new Uri("/Staff/Users/Create", UriKind.Relative))).Location().ShouldStartWith("http://localhost/Account/AccessDenied");
    }

    [Fact]
    public async Task StaffUsers_Works_ForASupervisor_AndListsEveryAccountWithItsRoles()
    {
        await using var factory = new BackOfficeFactory();
        using var client = await factory.SignedInAsync("supervisor");

        var (status, html) = await client.GetPageAsync("/Staff/Users");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>Staff accounts</h1>");
        html.ShouldContain("<td>rulesadmin</td>");
        html.ShouldMatch(@"<td>reviewer</td>\s*<td>Demo Reviewer</td>\s*<td>Clerk</td>\s*<td>Active</td>");
        html.ShouldMatch(@"<td>supervisor</td>\s*<td>Demo Supervisor</td>\s*<td>Supervisor</td>\s*<td>Active</td>");
    }

    [Fact]
    public async Task StaffHome_LinksToStaffAccounts_OnlyForSupervisors()
    {
        await using var factory = new BackOfficeFactory();
        using var supervisor = await factory.SignedInAsync("supervisor");
        using var clerk = await factory.SignedInAsync("clerk");

        var forSupervisor = (await supervisor.GetPageAsync("/Staff")).Html;
        var forClerk = (await clerk.GetPageAsync("/Staff")).Html;

        forSupervisor.ShouldContain("href=\"/Staff/Users\"");
        forClerk.ShouldNotContain("href=\"/Staff/Users\"");
        forClerk.ShouldContain("(Clerk)");
    }
}
