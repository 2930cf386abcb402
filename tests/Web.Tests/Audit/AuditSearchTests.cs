using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Intake;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Audit;

public sealed partial class AuditSearchTests(IntakeAppFixture app) : IClassFixture<IntakeAppFixture>
{
    [Fact]
    public async Task Audit_FindsRows_ByUserName_NewestFirst()
    {
        var user = "auditee-" + Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(AuditEntry.Record(At(2025, 3, 1), "u1", user, "ViewRequest", null, "older", null, "10.0.0.7"),
            AuditEntry.Record(At(2025, 3, 2), "u1", user, "DownloadDocument", null, "newer", null, "10.0.0.8"),
            AuditEntry.Record(At(2025, 3, 2), "u2", "someone-else", "ViewRequest", null, "not this one", null, null));
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (status, html) = await supervisor.GetPageAsync($"/Staff/Audit?UserName={user}");

        status.ShouldBe(HttpStatusCode.OK);
        Rows(html).ShouldBe(2);
        html.ShouldContain("10.0.0.7");
        html.ShouldNotContain("not this one");
        html.IndexOf("newer", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("older", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_FindsRows_ByTrackingNumber_AsTyped()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = new IntakeForm(app.Today);
        (await form.PostAsync(clerk)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        await SeedAsync(AuditEntry.Record(DateTimeOffset.UtcNow, "u3", "other", "ViewRequest", Guid.NewGuid(), "another request", null, null));
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var typed = request.TrackingNumber.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var (status, html) = await supervisor.GetPageAsync($"/Staff/Audit?TrackingNumber={typed}");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<td>Keyed in a paper form</td>");
        html.ShouldContain($"<a href=\"/Staff/Requests/{request.Id}\">{request.TrackingNumber}</a>");
        html.ShouldNotContain("another request");
        html.ShouldContain("<td>clerk</td>");
    }

    [Fact]
    public async Task Audit_FiltersByActionAndDateRange()
    {
        var user = "ranged-" + Guid.NewGuid().ToString("N")[..8];
        await SeedAsync(AuditEntry.Record(At(2025, 1, 10), "u4", user, "ViewRequest", null, "january", null, null),
            AuditEntry.Record(At(2025, 2, 10), "u4", user, "ViewRequest", null, "february", null, null),
            AuditEntry.Record(At(2025, 2, 11), "u4", user, "DownloadDocument", null, "february download", null, null));
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (_, html) = await supervisor.GetPageAsync($"/Staff/Audit?UserName={user}&Action=ViewRequest&From=2025-02-01&To=2025-02-28");

        Rows(html).ShouldBe(1);
        html.ShouldContain("<td>february</td>");
    }

    [Fact]
    public async Task Audit_PagesByAHundred()
    {
        var user = "busy-" + Guid.NewGuid().ToString("N")[..8];
        var start = At(2025, 4, 1);
        await SeedAsync([.. Enumerable.Range(0, 105).Select(i => AuditEntry.Record(start.AddMinutes(i), "u5", user, "ViewRequest", null, $"row {i}", null, null))]);
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (_, first) = await supervisor.GetPageAsync($"/Staff/Audit?UserName={user}");

        Rows(first).ShouldBe(100);
        first.ShouldContain("<td>row 104</td>");
        first.ShouldNotContain("<td>row 4</td>");
        var older = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        older.ShouldNotBeNullOrEmpty();
        var (_, second) = await supervisor.GetPageAsync(older);
        Rows(second).ShouldBe(5);
        second.ShouldContain("<td>row 0</td>");
        OlderLink().IsMatch(second).ShouldBeFalse();
    }

    [Fact]
    public async Task Audit_ExplainsAnUnknownTrackingNumber_NextToTheField()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (status, html) = await supervisor.GetPageAsync("/Staff/Audit?TrackingNumber=ZZZZ-ZZZZ-ZZZZ");

        status.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(html, "TrackingNumber").ShouldBe("No request has this tracking number. Check it and search again.");
    }

    [Fact]
    public async Task Audit_ViewingTheAudit_IsItselfAudited_AndOffersNoEdit()
    {
        var user = "watched-" + Guid.NewGuid().ToString("N")[..8];
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (_, html) = await supervisor.GetPageAsync($"/Staff/Audit?UserName={user}");

        // The only form that posts is the layout's sign-out: nothing here changes or removes a row.
        PostForm().Matches(html).Select(m => m.Value).ShouldAllBe(form => form.Contains("/Account/SignOut"));
        html.ShouldNotContain(">Delete<");
        html.ShouldNotContain(">Edit<");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var rows = await db.Audit.Where(a => a.Action == "ViewAudit" && a.UserName == "supervisor").ToListAsync();
        rows.ShouldContain(a => a.Subject == $"user={user}");
    }

    [Fact]
    public async Task Audit_IsDenied_ToAClerk()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.GetAsync(new Uri("/Staff/Audit", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
    }

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 18, 0, 0, TimeSpan.Zero);

    private static int Rows(string html) => TableRow().Count(html.Split("<tbody>") is { Length: > 1 } parts ? parts[1] : "");

    private async Task SeedAsync(params AuditEntry[] entries)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        db.Audit.AddRange(entries);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>")]
    private static partial Regex PostForm();

    [GeneratedRegex("<tr>")]
    private static partial Regex TableRow();

    [GeneratedRegex("<a href=\"([^\"]+)\">Older</a>")]
    private static partial Regex OlderLink();
}
