using System.Net;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>Incidents on the request page (retry, dismiss with a reason), on the incidents list and on the staff home.</summary>
public sealed class IncidentPageTests : IAsyncDisposable
{
    private readonly JobsApp _app = new(new Dictionary<string, string?> { ["BackOffice:Jobs:MaxAttempts"] = "1" });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string PageOf(Guid id) => $"/Staff/Requests/{id}";

    [Fact]
    public async Task Retry_OnTheRequestPage_ClearsTheIncident_EnqueuesIt_AndTheMessageGoesOut()
    {
        var request = await _app.StartAsync();
        var row = await _app.IncidentAsync((await _app.RowAsync(request.Id, "Received")).Id);
        using var clerk = await _app.Factory.SignedInAsync("clerk");
        var (_, html) = await clerk.GetPageAsync(PageOf(request.Id));
        html.ShouldContain("Needs attention: messages not sent");
        html.ShouldContain("Connection refused");
        var enqueuedBefore = _app.EnqueuedDispatches().Count(a => Equals(a[0], row.Id));

        var response = await clerk.PostFormAsync(PageOf(request.Id), [new("messageId", row.Id.ToString())], PageOf(request.Id) + "?handler=Retry");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _app.RowAsync(row.Id)).HasOpenIncident.ShouldBeFalse();
        _app.EnqueuedDispatches().Count(a => Equals(a[0], row.Id)).ShouldBe(enqueuedBefore + 1);
        await _app.DispatchAsync(row.Id); // the enqueued job, as a worker runs it
        _app.Mail.Sent.ShouldHaveSingleItem().Subject.ShouldBe("Your records request: Received");
        (await _app.RowAsync(row.Id)).ProcessedAt.ShouldNotBeNull();
        var audit = await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "RetryMessage").ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.UserName.ShouldBe("clerk"), a => a.RequestId.ShouldBe(request.Id), a => a.Subject.ShouldBe(row.Id.ToString()),
            a => a.Outcome.ShouldBe("done"));
        (await clerk.GetPageAsync(PageOf(request.Id))).Html.ShouldNotContain("Needs attention");
    }

    [Fact]
    public async Task Dismiss_NeedsAReason_ThenRecordsWhoAndWhy_AndTheIncidentLeavesTheLists()
    {
        var request = await _app.StartAsync();
        var row = await _app.IncidentAsync((await _app.RowAsync(request.Id, "Received")).Id);
        using var clerk = await _app.Factory.SignedInAsync("clerk");
        (await clerk.GetPageAsync("/Staff")).Html.ShouldContain("1 open");
        (await clerk.GetPageAsync("/Staff/Incidents")).Html.ShouldContain(request.TrackingNumber);
        var dismiss = PageOf(request.Id) + "?handler=Dismiss";

        var refused = await clerk.PostFormAsync(PageOf(request.Id), [new("messageId", row.Id.ToString()), new("reason", " ")], dismiss);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Say why the message is dismissed.");
        (await _app.RowAsync(row.Id)).HasOpenIncident.ShouldBeTrue();

        var done = await clerk.PostFormAsync(PageOf(request.Id),
            [new("messageId", row.Id.ToString()), new("reason", "Phoned the patient with the tracking number instead")], dismiss);

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await _app.RowAsync(row.Id);
        after.ShouldSatisfyAllConditions(
            m => m.HasOpenIncident.ShouldBeFalse(), m => m.ProcessedAt.ShouldNotBeNull(), m => m.DismissedBy.ShouldBe("Demo Clerk"),
            m => m.DismissReason.ShouldBe("Phoned the patient with the tracking number instead"));
        var audit = await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "DismissMessage").OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => a.Outcome).ShouldBe(["refused: Say why the message is dismissed.", "done: Phoned the patient with the tracking number instead"]);
        audit.ShouldAllBe(a => a.UserName == "clerk" && a.Subject == row.Id.ToString());
        (await clerk.GetPageAsync(PageOf(request.Id))).Html.ShouldContain("Dismissed by Demo Clerk");
        (await clerk.GetPageAsync("/Staff/Incidents")).Html.ShouldNotContain(request.TrackingNumber);
        (await clerk.GetPageAsync("/Staff")).Html.ShouldContain("0 open");
        _app.Time.Advance(TimeSpan.FromHours(1));
        (await _app.RunAsync<Web.Jobs.OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0);
        _app.Mail.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheIncidentsList_IsForClerksAndSupervisors_AndAudited()
    {
        var request = await _app.StartAsync();
        await _app.IncidentAsync((await _app.RowAsync(request.Id, "Received")).Id);
        using var supervisor = await _app.Factory.SignedInAsync("supervisor");
        using var rulesAdmin = await _app.Factory.SignedInAsync("rulesadmin");

        var (status, html) = await supervisor.GetPageAsync("/Staff/Incidents");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain("Failed 1 times");
        (await rulesAdmin.GetAsync(new Uri("/Staff/Incidents", UriKind.Relative))).Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
        (await rulesAdmin.GetPageAsync("/Staff")).Html.ShouldNotContain("Messages not sent");
        (await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().CountAsync(a => a.Action == "ViewIncidents" && a.UserName == "supervisor"))).ShouldBe(1);
    }
}
