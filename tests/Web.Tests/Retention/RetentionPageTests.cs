using System.Net;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Disclosures;
using BackOffice.Web.Tests.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Retention;

/// <summary>The retention report (<c>/Staff/Retention</c>): supervisors only, the runs and their requests, a dry run on demand.</summary>
public sealed class RetentionPageTests : IAsyncDisposable
{
    private const string Page = "/Staff/Retention";
    private readonly JobsApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TheReport_IsForSupervisors_ClerksAndStrangersAreRefused()
    {
        using var anonymous = _app.Factory.CreateBrowser();
        using var clerk = await _app.Factory.SignedInAsync("clerk");

        var stranger = await anonymous.GetAsync(new Uri(Page, UriKind.Relative));
        var refused = await clerk.GetAsync(new Uri(Page, UriKind.Relative));
        var dryRun = await clerk.PostAsync(new Uri(Page + "?handler=DryRun", UriKind.Relative), new FormUrlEncodedContent([]));

        stranger.Location().ShouldNotBeNull().ShouldContain("/Account/SignIn");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Location().ShouldNotBeNull().ShouldContain("/Account/AccessDenied");
        dryRun.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await _app.Factory.QueryAsync(db => db.Set<RetentionRun>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TheReport_ShowsTheDailyRun_WithTheTrackingNumbersReduced_AndTheRequestSaysSo()
    {
        var (request, _) = await RetentionJobTests.ClosedWithAFileAsync(_app);
        _app.Time.Advance(TimeSpan.FromDays(366 * 7 + 2));
        await _app.RunAsync<RetentionJob, bool>(j => j.RunAsync());
        using var supervisor = await _app.Factory.SignedInAsync("supervisor");

        var (status, html) = await supervisor.GetPageAsync(Page);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Reduced in the run of");
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain("Reduced to what the audit needs");
        html.ShouldContain("Run a dry run now");
        var detail = await supervisor.GetPageAsync($"/Staff/Requests/{request.Id}");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Html.ShouldContain("Documents and personal data removed under the retention policy");
        detail.Html.ShouldNotContain("Lopez");
        var viewed = await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "ViewRetention").ToListAsync());
        viewed.ShouldHaveSingleItem().UserName.ShouldBe("supervisor");
    }

    [Fact]
    public async Task TheReport_CountsTheDisclosuresWithoutARequestReduced_AndSaysWhenTheyGo()
    {
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var clock = scope.ServiceProvider.GetRequiredService<DepartmentClock>();
            await scope.ServiceProvider.GetRequiredService<DisclosureRecorder>().RecordAsync(DisclosuresApp.Draft("Kowalczyk", clock.Today));
        }

        _app.Time.Advance(TimeSpan.FromDays(366 * 7 + 2));
        await _app.RunAsync<RetentionJob, bool>(j => j.RunAsync());
        using var supervisor = await _app.Factory.SignedInAsync("supervisor");

        var (status, html) = await supervisor.GetPageAsync(Page);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<th scope=\"col\">Disclosures without a request reduced</th>");
        html.ShouldContain("<span data-disclosures-reduced>1</span>");
        html.ShouldContain("disclosures recorded without a request from before");
        var stored = await _app.Factory.QueryAsync(db => db.Disclosures.AsNoTracking().SingleAsync());
        stored.PatientLastName.ShouldBeNull();
    }

    [Fact]
    public async Task RunADryRunNow_ListsWhatWouldGo_ChangesNothing_AndIsAuditedAsTheSupervisor()
    {
        var (request, file) = await RetentionJobTests.ClosedWithAFileAsync(_app);
        _app.Time.Advance(TimeSpan.FromDays(366 * 7 + 2));
        using var supervisor = await _app.Factory.SignedInAsync("supervisor");

        var response = await supervisor.PostFormAsync(Page, [], Page + "?handler=DryRun");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, html) = await supervisor.GetPageAsync(response.Location()!);
        html.ShouldContain("Dry run done");
        html.ShouldContain("Would go in the dry run of");
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain("Dry run (nothing removed)");
        File.Exists(file).ShouldBeTrue();
        (await _app.Factory.LoadAsync(request.Id)).Patient.LastName.ShouldBe("Lopez");
        var run = await _app.Factory.QueryAsync(db => db.Set<RetentionRun>().AsNoTracking().SingleAsync());
        run.DryRun.ShouldBeTrue();
        run.StartedByName.ShouldBe("Demo Supervisor");
        var audit = await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == RetentionPurge.DryRunAction).ToListAsync());
        var viewed = await _app.Factory.QueryAsync(db => db.Audit.AsNoTracking().FirstAsync(a => a.Action == "ViewRetention"));
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.UserName.ShouldBe("supervisor"), a => a.UserId.ShouldBe(viewed.UserId), a => a.Subject.ShouldBe(RetentionPurge.RunSubject(run.Id)));
    }
}
