using System.Net;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Queue;

/// <summary>The work queue page at /Staff/Requests: who may see it, and its filters through the query string.</summary>
public sealed class WorkQueuePageTests
{
    private static RecordsRequestDraft Draft(string last, string first, DeliveryMethod delivery = DeliveryMethod.Mail) =>
        RequestScenarios.PatientDraft(delivery) with
        {
            Patient = RequestScenarios.PatientDraft().Patient with { LastName = last, FirstName = first },
        };

    [Fact]
    public async Task Clerk_SeesOpenRequests_WithLinksToTheirDetailPages_AndTheViewIsAudited()
    {
        await using var factory = new BackOfficeFactory();
        var request = await factory.StartAsync(Draft("Lopez", "Maria"));
        using var clerk = await factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetPageAsync("/Staff/Requests");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>Work queue</h1>");
        html.ShouldContain($"href=\"/Staff/Requests/{request.Id}\"");
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain("Lopez, Maria");
        html.ShouldContain("1980-04-15");
        html.ShouldContain("<td>Received</td>");
        html.ShouldContain("Counts as of");
        html.ShouldContain("1 open");
        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Audit.AsNoTracking()
            .Where(a => a.Action == "ViewQueue").ToListAsync();
        audit.ShouldHaveSingleItem().RequestId.ShouldBeNull();
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync(new Uri("/Staff/Requests", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/SignIn");
    }

    [Fact]
    public async Task RulesAdmin_IsDenied()
    {
        await using var factory = new BackOfficeFactory();
        using var rulesAdmin = await factory.SignedInAsync("rulesadmin");

        var response = await rulesAdmin.GetAsync(new Uri("/Staff/Requests", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/AccessDenied");
    }

    [Fact]
    public async Task Filters_AndSearch_ComeFromTheQueryString()
    {
        await using var factory = new BackOfficeFactory();
        var lopez = await factory.StartAsync(Draft("Lopez", "Maria"));
        var adams = await factory.StartAsync(Draft("Adams", "John", DeliveryMethod.Pickup));
        var verified = await factory.StartAsync(Draft("Baker", "Ann"));
        await factory.FireAsync(verified.Id, "Verify", RequestScenarios.Clerk, ("identityChecked", "true"));
        using var clerk = await factory.SignedInAsync("clerk");

        var byName = (await clerk.GetPageAsync("/Staff/Requests?q=lop")).Html;
        var byTracking = (await clerk.GetPageAsync("/Staff/Requests?q=" + adams.TrackingNumber.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())).Html;
        var byDelivery = (await clerk.GetPageAsync("/Staff/Requests?delivery=Pickup")).Html;
        var byState = (await clerk.GetPageAsync("/Staff/Requests?state=Verified")).Html;
        var closed = (await clerk.GetPageAsync("/Staff/Requests?state=closed")).Html;
        var unassigned = (await clerk.GetPageAsync("/Staff/Requests?assignee=me")).Html;

        byName.ShouldContain(lopez.TrackingNumber);
        byName.ShouldNotContain(adams.TrackingNumber);
        byName.ShouldContain("patient name starting");
        byTracking.ShouldContain(adams.TrackingNumber);
        byTracking.ShouldNotContain(lopez.TrackingNumber);
        byDelivery.ShouldContain(adams.TrackingNumber);
        byDelivery.ShouldNotContain(lopez.TrackingNumber);
        byState.ShouldContain(verified.TrackingNumber);
        byState.ShouldNotContain(lopez.TrackingNumber);
        closed.ShouldContain("No requests match these filters.");
        unassigned.ShouldContain("No requests match these filters.");
    }

    [Fact]
    public async Task NextPageLink_CarriesTheCursor_AndBadValuesFallBackToDefaults()
    {
        await using var factory = new BackOfficeFactory();
        for (var i = 0; i < 51; i++) await factory.StartAsync(Draft("Patient" + i, "Test"));
        using var clerk = await factory.SignedInAsync("clerk");

        var (status, first) = await clerk.GetPageAsync("/Staff/Requests?state=nonsense&cursor=garbage&days=-4");

        status.ShouldBe(HttpStatusCode.OK);
        var next = System.Text.RegularExpressions.Regex.Match(first, "<a class=\"next-page\" href=\"([^\"]+)\"");
        next.Success.ShouldBeTrue();
        var second = (await clerk.GetPageAsync(WebUtility.HtmlDecode(next.Groups[1].Value))).Html;
        System.Text.RegularExpressions.Regex.Count(second, "href=\"/Staff/Requests/[0-9a-f-]{36}\"").ShouldBe(1);
        second.ShouldNotContain("class=\"next-page\"");
    }

    [Fact]
    public async Task StaffHome_LinksToTheQueue_ForClerks()
    {
        await using var factory = new BackOfficeFactory();
        using var clerk = await factory.SignedInAsync("clerk");

        (await clerk.GetPageAsync("/Staff")).Html.ShouldContain("href=\"/Staff/Requests\"");
    }
}
