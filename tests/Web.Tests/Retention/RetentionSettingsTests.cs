using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Retention;

public sealed class RetentionSettingsTests
{
    [Fact]
    public async Task FiveYearsAfterClosure_StopsTheAppAtStartUp_WithTheReason()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Retention:YearsAfterClosure"] = "5" });

        var refused = Should.Throw<Exception>(() => factory.Services.GetRequiredService<BackOffice.Workflows.WorkflowsOptions>());

        var reason = refused as InvalidOperationException ?? refused.InnerException as InvalidOperationException;
        reason.ShouldNotBeNull(refused.ToString()).Message.ShouldStartWith("BackOffice:Retention:YearsAfterClosure is 5, but it must be at least 6");
        reason.Message.ShouldContain("164.530(j)");
    }
}
