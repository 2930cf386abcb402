using System.Net;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Portal;

/// <summary>Publishing to the portal: the outbox dispatcher issues one link per outbox message and e-mails it.</summary>
public sealed class PortalLinkTests : IAsyncDisposable
{
    private readonly PortalScenario _portal = new();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task PublishingToThePortal_EmailsALink_WithNoHealthInformation_AndStoresOnlyTheTokensHash()
    {
        var request = await _portal.PublishAsync();

        var mail = (await _portal.MailAsync(1)).ShouldHaveSingleItem();

        mail.To.ToString().ShouldBe("maria.lopez@example.org");
        var token = PortalScenario.LinkToken(mail);
        PortalScenario.Body(mail).ShouldContain($"http://localhost:5080/portal/{token}");
        foreach (var health in new[] { "Maria", "Lopez", "1980", "diagnos", "all records", "12 pages", request.TrackingNumber })
        {
            PortalScenario.Body(mail).ShouldNotContain(health, Case.Insensitive);
            (mail.Subject ?? "").ShouldNotContain(health, Case.Insensitive);
        }

        var grant = (await _portal.GrantsAsync(request.Id)).ShouldHaveSingleItem();
        grant.TokenHash.ShouldBe(PortalSecrets.HashToken(token));
        grant.TokenHash.ShouldNotContain(token);
        grant.ExpiresAt.ShouldBe(grant.CreatedAt.AddDays(30));
        var row = await _portal.PortalOutboxRowAsync(request.Id);
        row.ProcessedAt.ShouldNotBeNull();
        grant.OutboxMessageId.ShouldBe(row.Id);
    }

    [Fact]
    public async Task TheDispatcher_ProcessesAPublishedRowExactlyOnce_EvenWhenRunTwice()
    {
        var request = await _portal.PublishAsync();
        await _portal.MailAsync(1);
        var row = await _portal.PortalOutboxRowAsync(request.Id);

        await _portal.DispatchAsync(row.Id);
        await _portal.DispatchAsync(row.Id);

        _portal.Messages().Count.ShouldBe(1);
        (await _portal.GrantsAsync(request.Id)).Count.ShouldBe(1);
        var after = await _portal.PortalOutboxRowAsync(request.Id);
        after.Attempts.ShouldBe(1);
        after.ProcessedAt.ShouldBe(row.ProcessedAt);
    }

    [Fact]
    public async Task ADispatchThatStoppedBeforeItFinished_IsRetriedByStaff_WithTheSameGrantAndANewLink()
    {
        var (request, firstToken) = await _portal.PublishedLinkAsync();
        var row = await _portal.PortalOutboxRowAsync(request.Id);
        // As if the process stopped after the e-mail went but before the row was marked processed.
        await _portal.Factory.QueryAsync(db => db.Outbox.Where(o => o.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAt, (DateTimeOffset?)null)));

        await _portal.DispatchAsync(row.Id);
        _portal.Messages().Count.ShouldBe(1); // claimed and unfinished: never sent again on its own
        _portal.Time.Advance(TimeSpan.FromMinutes(11));
        await using (var scope = _portal.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IncidentEscalationJob>().RunAsync()).ShouldBe(1);
            (await scope.ServiceProvider.GetRequiredService<OutboxIncidents>().RetryAsync(request.Id, row.Id)).ShouldBeTrue();
        }

        await _portal.DispatchAsync(row.Id);

        var grant = (await _portal.GrantsAsync(request.Id)).ShouldHaveSingleItem();
        var secondToken = PortalScenario.LinkToken(_portal.Messages()[^1]);
        secondToken.ShouldNotBe(firstToken);
        grant.TokenHash.ShouldBe(PortalSecrets.HashToken(secondToken));
        using var client = _portal.Factory.CreateBrowser();
        (await client.GetAsync(new Uri($"/portal/{firstToken}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/portal/{secondToken}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
