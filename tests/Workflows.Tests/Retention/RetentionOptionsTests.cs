using BackOffice.Workflows.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Retention;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void TheDefaults_AreSevenYears_NoDryRun_AtHalfPastTwo()
    {
        var options = new RetentionOptions();

        options.Validate();

        options.ShouldSatisfyAllConditions(
            o => o.YearsAfterClosure.ShouldBe(7),
            o => o.AuditYears.ShouldBe(7),
            o => o.DryRun.ShouldBeFalse(),
            o => o.RunTime().ShouldBe(new TimeOnly(2, 30)));
    }

    [Fact]
    public void FiveYearsAfterClosure_IsRefused_NamingTheSettingAndTheLaw()
    {
        var refused = Should.Throw<InvalidOperationException>(() => new RetentionOptions { YearsAfterClosure = 5 }.Validate());

        refused.Message.ShouldStartWith("BackOffice:Retention:YearsAfterClosure is 5, but it must be at least 6");
        refused.Message.ShouldContain("45 CFR 164.508(b)(6)");
        refused.Message.ShouldContain("164.530(j)");
    }

    [Fact]
    public void FiveAuditYears_AreRefused_NamingTheSettingAndTheLaw()
    {
        var refused = Should.Throw<InvalidOperationException>(() => new RetentionOptions { AuditYears = 5 }.Validate());

        refused.Message.ShouldStartWith("BackOffice:Retention:AuditYears is 5, but it must be at least 6");
        refused.Message.ShouldContain("164.316(b)(2)");
    }

    [Fact]
    public void SixYears_TheLegalMinimum_IsAccepted() =>
        Should.NotThrow(() => new RetentionOptions { YearsAfterClosure = 6, AuditYears = 6 }.Validate());

    [Fact]
    public void ATimeOfDayThatIsNoTime_IsRefused() =>
        Should.Throw<InvalidOperationException>(() => new RetentionOptions { RunAt = "half past two" }.Validate())
            .Message.ShouldContain("BackOffice:Retention:RunAt");

    [Fact]
    public void RegisteringTheWorkflows_WithFiveYears_Stops()
    {
        var options = new WorkflowsOptions { Retention = new RetentionOptions { YearsAfterClosure = 5 } };

        Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddWorkflows(options)).Message.ShouldContain("YearsAfterClosure");
    }
}
