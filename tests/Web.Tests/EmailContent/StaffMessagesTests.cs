using BackOffice.Web.EmailContent;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>Messages to the staff mailbox: one per staff event, and the daily digest of requests due soon and overdue.</summary>
public sealed class StaffMessagesTests : IAsyncDisposable
{
    private const string Mailbox = "records-team@dmg.example.org";
    // Monday 2 March 2026, 9 AM in Chicago.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly BackOfficeFactory _factory;

    public StaffMessagesTests()
    {
        _factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Notifications:StaffMailbox"] = Mailbox,
            ["BackOffice:Site:PublicBaseUrl"] = "https://records.dmg.example.org/",
        })
        { ConfigureServices = services => services.AddSingleton<TimeProvider>(_time) };
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task EachStaffEvent_NamesTheRequestItsStateAndDueDate_AndLinksToIt_WithoutThePatient()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        _time.Advance(TimeSpan.FromDays(25));

        foreach (var type in StaffMessageComposer.Types)
        {
            var message = (await ComposeAsync(c => c.ComposeAsync(request.Id, type))).ShouldNotBeNull();

            message.To.ShouldBe(Mailbox);
            message.Subject.ShouldContain(request.TrackingNumber);
            foreach (var body in new[] { message.TextBody, message.HtmlBody })
            {
                body.ShouldContain(request.TrackingNumber);
                body.ShouldContain("Received");
                body.ShouldContain("April 1, 2026 (due in 5 days)");
                body.ShouldContain("Unassigned");
                body.ShouldContain($"https://records.dmg.example.org/Staff/Requests/{request.Id}");
                foreach (var secret in new[] { "Lopez", "Maria", "1980" }) body.ShouldNotContain(secret);
            }
        }
    }

    [Fact]
    public async Task WithoutAStaffMailbox_NothingIsComposed()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await using var scope = _factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var composer = new StaffMessageComposer(services.GetRequiredService<BackOfficeDbContext>(),
            services.GetRequiredService<BackOffice.Web.Identity.StaffIdentityDbContext>(), services.GetRequiredService<MessageTemplates>(),
            services.GetRequiredService<MessageBasics>(), Options.Create(new NotificationOptions()));

        (await composer.ComposeAsync(request.Id, "Overdue")).ShouldBeNull();
        (await composer.ComposeDigestAsync(new DateOnly(2026, 4, 30))).ShouldBeNull();
    }

    [Fact]
    public async Task AnUnknownStaffMessage_IsRefused()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());

        var problem = await Should.ThrowAsync<ArgumentException>(() => ComposeAsync(c => c.ComposeAsync(request.Id, "Received")));

        problem.Message.ShouldContain("Received");
    }

    [Fact]
    public async Task TheDigest_ListsOpenRequestsOverdueOrDueWithinFiveDays_EarliestFirst_WithTheirAssignee()
    {
        var overdue = await _factory.StartAsync(RequestScenarios.PatientDraft());      // due April 1
        var extended = await _factory.StartAsync(RequestScenarios.PatientDraft());     // due April 1, extended to April 21
        await _factory.FireAsync(extended.Id, "ExtendDeadline", RequestScenarios.Clerk, ("days", "20"), ("reason", "Off-site storage"));
        _time.Advance(TimeSpan.FromDays(10));
        var dueSoon = await _factory.StartAsync(RequestScenarios.PatientDraft());      // due April 11
        var clerk = (await _factory.FindStaffUserAsync("clerk")).ShouldNotBeNull();
        await _factory.FireAsync(dueSoon.Id, "Assign", RequestScenarios.Clerk, ("assignee", clerk.Id));
        var cancelled = await _factory.StartAsync(RequestScenarios.PatientDraft());    // due April 11, but closed
        await _factory.FireAsync(cancelled.Id, "Cancel", RequestScenarios.Clerk, ("reason", "Withdrawn"));
        _time.Advance(TimeSpan.FromDays(10));
        var later = await _factory.StartAsync(RequestScenarios.PatientDraft());        // due April 21

        var digest = (await ComposeAsync(c => c.ComposeDigestAsync(new DateOnly(2026, 4, 7)))).ShouldNotBeNull();

        digest.To.ShouldBe(Mailbox);
        digest.Subject.ShouldBe("Records requests due by April 12, 2026: 1 overdue, 1 due soon (April 7, 2026)");
        var text = digest.TextBody;
        text.ShouldContain(overdue.TrackingNumber);
        text.ShouldContain(dueSoon.TrackingNumber);
        text.IndexOf(overdue.TrackingNumber, StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf(dueSoon.TrackingNumber, StringComparison.Ordinal));
        foreach (var absent in new[] { extended, cancelled, later }) text.ShouldNotContain(absent.TrackingNumber);
        var lines = text.Split('\n');
        var overdueLine = lines.Single(l => l.Contains(overdue.TrackingNumber, StringComparison.Ordinal));
        foreach (var cell in new[] { "Received", "2026-04-01", "6 days overdue", "Unassigned" }) overdueLine.ShouldContain(cell);
        var dueSoonLine = lines.Single(l => l.Contains(dueSoon.TrackingNumber, StringComparison.Ordinal));
        foreach (var cell in new[] { "Received", "2026-04-11", "due in 4 days", "Demo Clerk" }) dueSoonLine.ShouldContain(cell);
        digest.HtmlBody.ShouldContain($"<a href=\"https://records.dmg.example.org/Staff/Requests/{dueSoon.Id}\">{dueSoon.TrackingNumber}</a>");
        digest.HtmlBody.ShouldContain("<td>Demo Clerk</td>");
        foreach (var body in new[] { text, digest.HtmlBody }) body.ShouldNotContain("Lopez");
    }

    [Fact]
    public async Task TheDigest_IsNotComposed_WhenNothingIsDueSoon()
    {
        await _factory.StartAsync(RequestScenarios.PatientDraft()); // due April 1

        (await ComposeAsync(c => c.ComposeDigestAsync(new DateOnly(2026, 3, 26)))).ShouldBeNull();
        (await ComposeAsync(c => c.ComposeDigestAsync(new DateOnly(2026, 3, 27)))).ShouldNotBeNull();
    }

    private async Task<ComposedMessage?> ComposeAsync(Func<IStaffMessageComposer, Task<ComposedMessage?>> compose)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await compose(scope.ServiceProvider.GetRequiredService<IStaffMessageComposer>());
    }
}
