using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Organisations;

public sealed class WebhookSubscriptionsTests : EngineTestsBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    private async Task<RequesterOrganisation> OrganisationWithWebhookAsync()
    {
        var organisation = RequesterOrganisation.Register(
            new RequesterOrganisationDetails { Name = "Smith & Jones LLP", Type = RequesterType.Attorney, AllowedDeliveryMethods = [DeliveryMethod.Mail] },
            EngineHarness.Start, "supervisor");
        organisation.SetWebhook("https://hooks.example.org/records", "protected-secret");
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.RequesterOrganisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return organisation;
    }

    // The organisation as another reading saw it: the same id, no webhook.
    private async Task<RequesterOrganisation> ReadWithoutWebhookAsync(Guid id)
    {
        var read = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().RequesterOrganisations.AsNoTracking().SingleAsync(o => o.Id == id));
        read.RemoveWebhook();
        return read;
    }

    [Fact]
    public async Task HasWebhook_AnswersFromTheOrganisationReadInTheScope_AndAsksTheDatabaseInAnyOther()
    {
        var organisation = await OrganisationWithWebhookAsync();
        var readWithout = await ReadWithoutWebhookAsync(organisation.Id);

        var remembered = await Harness.InScopeAsync(sp =>
        {
            var webhooks = sp.GetRequiredService<WebhookSubscriptions>();
            webhooks.Remember(readWithout);
            return webhooks.HasWebhookAsync(organisation.Id);
        });
        var asked = await Harness.InScopeAsync(sp => sp.GetRequiredService<WebhookSubscriptions>().HasWebhookAsync(organisation.Id));
        var unknown = await Harness.InScopeAsync(sp => sp.GetRequiredService<WebhookSubscriptions>().HasWebhookAsync(Guid.NewGuid()));

        remembered.ShouldBeFalse("the scope's own reading answers");
        asked.ShouldBeTrue("a scope that read nothing asks the database");
        unknown.ShouldBeFalse();
    }

    [Fact]
    public async Task HasWebhook_AnswersOnEachDatabaseProvider_InOneProcess()
    {
        // EF Core ties a compiled query to the first model it meets; the check must work on both providers' models.
        var onSqlite = await OrganisationWithWebhookAsync();
        await using var postgres = await EngineHarness.CreateAsync(await TestDatabase.PostgresAsync());

        var sqliteAnswer = await Harness.InScopeAsync(sp => sp.GetRequiredService<WebhookSubscriptions>().HasWebhookAsync(onSqlite.Id));
        var postgresAnswer = await postgres.InScopeAsync(sp => sp.GetRequiredService<WebhookSubscriptions>().HasWebhookAsync(onSqlite.Id));
        var sqliteAgain = await Harness.InScopeAsync(sp => sp.GetRequiredService<WebhookSubscriptions>().HasWebhookAsync(onSqlite.Id));

        sqliteAnswer.ShouldBeTrue();
        postgresAnswer.ShouldBeFalse("that database has no such organisation");
        sqliteAgain.ShouldBeTrue();
    }

    [Fact]
    public async Task Start_OfAnOrganisationsRequest_QueuesItsEvent_AsTheScopesReadingOfTheWebhookSays()
    {
        var organisation = await OrganisationWithWebhookAsync();
        var readWithout = await ReadWithoutWebhookAsync(organisation.Id);
        var draft = new RequestDraftBuilder().Build() with { Channel = RequestChannel.Api, RequesterOrganisationId = organisation.Id };

        var withWebhook = await Harness.StartAsync(draft);
        var withoutWebhook = await Harness.InScopeAsync(sp =>
        {
            sp.GetRequiredService<WebhookSubscriptions>().Remember(readWithout);
            return sp.GetRequiredService<LifecycleEngine>().StartAsync(draft,
                DateOnly.FromDateTime(EngineHarness.Start.UtcDateTime), Staff.Clerk);
        });

        (await Harness.OutboxAsync(withWebhook.Id)).Select(o => (o.Kind, o.Type)).ShouldBe([(OutboxKind.Webhook, WebhookEvents.Received)]);
        (await Harness.OutboxAsync(withoutWebhook.Id)).ShouldBeEmpty();
    }
}
