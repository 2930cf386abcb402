using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.RuleSets;

public sealed class SqliteRuleSetStoreTests : RuleSetStoreTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
