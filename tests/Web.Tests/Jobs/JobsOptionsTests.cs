using BackOffice.Web.Jobs;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Web.Tests.Jobs;

public sealed class JobsOptionsTests
{
    private static JobsOptions Read(string[] args, Dictionary<string, string?>? settings = null) =>
        JobsServiceCollectionExtensions.ReadOptions(new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? []).AddCommandLine(args).Build());

    [Fact]
    public void ByDefault_TheWebAppRunsItsOwnServer()
    {
        var options = Read([]);

        options.RunServer.ShouldBeTrue();
        options.WorkerOnly.ShouldBeFalse();
        options.MaxAttempts.ShouldBe(5);
        options.DigestTime().ShouldBe(new TimeOnly(7, 0));
    }

    [Theory]
    [InlineData("--worker", "true")]
    [InlineData("--worker=true", null)]
    [InlineData("--BackOffice:Jobs:WorkerOnly=true", null)]
    public void TheWorkerSwitch_OnTheCommandLine_MakesAWorkerProcess(string first, string? second)
    {
        string[] args = second is null ? [first, "--urls", "http://localhost:5081"] : [first, second, "--urls", "http://localhost:5081"];

        Read(args).WorkerOnly.ShouldBeTrue();
    }

    [Fact]
    public void RetryPauses_DoubleAfterEachFailure()
    {
        var options = Read([], new() { ["BackOffice:Jobs:RetryDelaySeconds"] = "30" });

        Enumerable.Range(1, 4).Select(options.RetryDelay).ShouldBe(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)]);
    }

    [Fact]
    public void ADigestTimeThatIsNotATime_StopsStartUp_WithTheSettingNamed()
    {
        Should.Throw<InvalidOperationException>(() => Read([], new() { ["BackOffice:Jobs:DigestAt"] = "seven" }).DigestTime())
            .Message.ShouldContain("BackOffice:Jobs:DigestAt");
    }
}
