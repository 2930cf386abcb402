using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.RuleSets;

public abstract class RuleSetStoreTests : EngineTestsBase
{
    private static readonly Dictionary<string, string> Shipped = new()
    {
        ["fees.json"] = "{ \"fees\": 1 }",
        ["release.json"] = "{ \"release\": 1 }",
    };

    private Task<T> Store<T>(Func<RuleSetStore, Task<T>> work) => Harness.InScopeAsync(sp => work(sp.GetRequiredService<RuleSetStore>()));

    private Task Store(Func<RuleSetStore, Task> work) => Harness.InScopeAsync(sp => work(sp.GetRequiredService<RuleSetStore>()));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store(s => s.SeedAsync(Shipped));
    }

    [Fact]
    public async Task Seed_PublishesTheShippedFilesAsVersion1_Once()
    {
        await Store(s => s.SeedAsync(new Dictionary<string, string> { ["fees.json"] = "{}" }));

        var versions = await Store(s => s.ListAsync());
        versions.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.Version.ShouldBe(1), v => v.Status.ShouldBe(RuleSetStatus.Published), v => v.Files.ShouldBe(Shipped));
        (await Store(s => s.HistoryAsync())).ShouldHaveSingleItem().Action.ShouldBe("Seeded");
    }

    [Fact]
    public async Task Publish_IsRefused_ForADraftWithProblems_AndNothingChanges()
    {
        var draft = await Store(s => s.CreateDraftAsync(1, "2025 schedule", Staff.Supervisor.Id));
        var problems = await Store(s => s.EditDraftAsync(draft.Version, "fees.json", "{ broken", draft.Revision, Staff.Supervisor.Id));
        problems.ShouldHaveSingleItem().ToString().ShouldBe("fees.json, rule 'SomeRule': does not compile");

        var error = await Should.ThrowAsync<InvalidRuleSetException>(() => Store(s => s.PublishAsync(draft.Version, new DateOnly(2026, 1, 20), "admin")));

        error.Problems.ShouldHaveSingleItem();
        (await Store(s => s.GetAsync(draft.Version))).ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(RuleSetStatus.Draft), v => v.Files["fees.json"].ShouldBe("{ broken"));
    }

    [Fact]
    public async Task Publish_PutsTheDraftInForce_FromItsEffectiveDate()
    {
        var draft = await Store(s => s.CreateDraftAsync(1, "", "admin"));
        await Store(s => s.EditDraftAsync(draft.Version, "fees.json", "{ \"fees\": 2 }", draft.Revision, "admin"));

        await Store(s => s.PublishAsync(draft.Version, new DateOnly(2026, 1, 20), "admin"));

        var published = await Store(s => s.PublishedAsync());
        RuleSetStore.InForce(published, new DateOnly(2026, 1, 19))!.Version.ShouldBe(1);
        RuleSetStore.InForce(published, new DateOnly(2026, 1, 20))!.Version.ShouldBe(2);
        await Should.ThrowAsync<DomainException>(() => Store(s => s.EditDraftAsync(2, "fees.json", "{}", 2, "admin")));
        (await Store(s => s.HistoryAsync())).Select(c => c.Action).ShouldBe(["Published", "DraftEdited", "DraftCreated", "Seeded"]);
    }

    [Fact]
    public async Task EditDraft_FailsWithConflict_WhenSomeoneSavedInBetween()
    {
        var draft = await Store(s => s.CreateDraftAsync(1, "", "admin"));
        await Store(s => s.EditDraftAsync(draft.Version, "fees.json", "{ \"a\": 1 }", draft.Revision, "alice"));

        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Store(s => s.EditDraftAsync(draft.Version, "fees.json", "{ \"b\": 1 }", draft.Revision, "bob")));

        (await Store(s => s.GetAsync(draft.Version))).Files["fees.json"].ShouldBe("{ \"a\": 1 }");
    }

    [Fact]
    public async Task Rollback_WithdrawsAVersion_AndThePreviousOneAppliesAgain()
    {
        var draft = await Store(s => s.CreateDraftAsync(1, "", "admin"));
        await Store(s => s.PublishAsync(draft.Version, new DateOnly(2026, 1, 1), "admin"));

        await Store(s => s.RollbackAsync(draft.Version, "Wrong microfiche rate", "admin"));

        RuleSetStore.InForce(await Store(s => s.PublishedAsync()), new DateOnly(2026, 6, 1))!.Version.ShouldBe(1);
        (await Store(s => s.GetAsync(draft.Version))).Status.ShouldBe(RuleSetStatus.Withdrawn);
        (await Store(s => s.HistoryAsync())).First().ShouldSatisfyAllConditions(
            c => c.Action.ShouldBe("RolledBack"), c => c.Details.ShouldBe("Wrong microfiche rate"), c => c.By.ShouldBe("admin"));
        await Should.ThrowAsync<DomainException>(() => Store(s => s.RollbackAsync(1, "last one", "admin")));
    }
}
