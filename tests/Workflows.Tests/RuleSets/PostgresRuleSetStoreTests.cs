using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.RuleSets;

public sealed class PostgresRuleSetStoreTests : RuleSetStoreTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
