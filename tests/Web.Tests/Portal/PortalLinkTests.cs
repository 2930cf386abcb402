using System.Net;
using BackOffice.Web.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Portal;

/// <summary>Publishing to the portal: the dispatcher issues one link per outbox message and e-mails it.</summary>
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
    public async Task TheDispatcher_ProcessesAPublishedRowExactlyOnce_EvenWhenSignalledTwice()
    {
        var request = await _portal.PublishAsync();
        await _portal.MailAsync(1);
        var row = await _portal.PortalOutboxRowAsync(request.Id);
        var signal = _portal.Factory.Services.GetRequiredService<ChannelOutboxSignal>();

        signal.Committed([row.Id, row.Id]);
        for (var i = 0; i < 100 && signal.Reader.Count > 0; i++) await Task.Delay(20);
        await using var scope = _portal.Factory.Services.CreateAsyncScope();
        var handledAgain = await scope.ServiceProvider.GetRequiredService<PortalOutboxHandler>().HandleAsync(row.Id);
        await Task.Delay(200);

        handledAgain.ShouldBeFalse();
        signal.Reader.Count.ShouldBe(0);
        _portal.Messages().Count.ShouldBe(1);
        (await _portal.GrantsAsync(request.Id)).Count.ShouldBe(1);
        var after = await _portal.PortalOutboxRowAsync(request.Id);
        after.Attempts.ShouldBe(1);
        after.ProcessedAt.ShouldBe(row.ProcessedAt);
    }

    [Fact]
    public async Task ADispatchThatStoppedBeforeItFinished_IsRetried_WithTheSameGrantAndANewLink()
    {
        var (request, firstToken) = await _portal.PublishedLinkAsync();
        var row = await _portal.PortalOutboxRowAsync(request.Id);
        // As if the process stopped after saving the grant but before the row was marked processed.
        await _portal.Factory.QueryAsync(db => db.Outbox.Where(o => o.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ProcessedAt, (DateTimeOffset?)null)));

        await using (var scope = _portal.Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<PortalOutboxHandler>().HandleAsync(row.Id)).ShouldBeTrue();
        }

        var grant = (await _portal.GrantsAsync(request.Id)).ShouldHaveSingleItem();
        var secondToken = PortalScenario.LinkToken(_portal.Messages()[^1]);
        secondToken.ShouldNotBe(firstToken);
        grant.TokenHash.ShouldBe(PortalSecrets.HashToken(secondToken));
        using var client = _portal.Factory.CreateBrowser();
        (await client.GetAsync(new Uri($"/portal/{firstToken}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/portal/{secondToken}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OtherOutboxRows_AreLeftUnprocessed_ForTheNotificationJobs()
    {
        var request = await _portal.PublishAsync();
        await _portal.MailAsync(1);

        var rows = await _portal.Factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.RequestId == request.Id).ToListAsync());

        rows.Single(o => o.Type == "PublishedToPortal").ProcessedAt.ShouldNotBeNull();
        rows.Where(o => o.Type != "PublishedToPortal").ShouldNotBeEmpty();
        rows.Where(o => o.Type != "PublishedToPortal").ShouldAllBe(o => o.ProcessedAt == null && o.Attempts == 0);
    }
}
