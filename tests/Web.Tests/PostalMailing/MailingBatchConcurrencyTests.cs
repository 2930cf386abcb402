using BackOffice.Web.PostalMailing;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PostalMailing;

/// <summary>A request someone else changes while the batch runs is skipped, reported, and left out of the PDF.</summary>
public sealed class MailingBatchConcurrencyTests : IAsyncDisposable
{
    private readonly InterferingSignal _signal = new();
    private readonly BackOfficeFactory _factory;

    public MailingBatchConcurrencyTests()
    {
        _factory = new BackOfficeFactory
        {
            ConfigureServices = services => services.AddSingleton<IOutboxSignal>(sp =>
            {
                _signal.Inner = sp.GetRequiredService<ChannelOutboxSignal>();
                return _signal;
            }),
        };
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task CreateAsync_ARequestChangedByOthersMeanwhile_IsSkippedReported_AndNotInThePdf()
    {
        var ready = new List<Workflows.Requests.RecordsRequest>();
        for (var i = 0; i < 3; i++)
        {
            var request = await _factory.StartAsync(DocumentScenarios.ProviderDraft());
            (await _factory.ThroughReviewAsync(request.Id, paperPages: 3)).ShouldBe("ReadyForRelease");
            ready.Add(request);
        }

        // The batch goes in tracking-number order, so the last one is still waiting when the first is committed.
        var last = ready.MaxBy(r => r.TrackingNumber, StringComparer.Ordinal)!;
        _signal.InterfereOnNextCommit(() => _factory.FireAsync(last.Id, "Assign", RequestScenarios.Reviewer, ("assignee", "clerk-2")));
        await using var scope = _factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MailingBatchService>()
            .CreateAsync(await _factory.TodayAsync(), RequestScenarios.Clerk, CancellationToken.None);

        result.Mailed.Count.ShouldBe(2);
        var skipped = result.Skipped.ShouldHaveSingleItem();
        skipped.RequestId.ShouldBe(last.Id);
        skipped.Reason.ShouldContain("someone else changed it");
        (await _factory.LoadAsync(last.Id)).State.ShouldBe("ReadyForRelease");
        var text = DocumentScenarios.TextOf(_factory.ReadStoredFile(result.FilePath!));
        text.ShouldNotContain(last.TrackingNumber);
        foreach (var mailed in result.Mailed) text.ShouldContain(mailed.TrackingNumber);
        var record = await scope.ServiceProvider.GetRequiredService<MailingBatchStore>().FindAsync(result.BatchId, CancellationToken.None);
        record.ShouldNotBeNull().Skipped.ShouldHaveSingleItem().TrackingNumber.ShouldBe(last.TrackingNumber);
    }

    /// <summary>Passes commits on to the app's dispatcher; once, after a commit, runs what another person does at that moment.</summary>
    private sealed class InterferingSignal : IOutboxSignal
    {
        private Func<Task>? _hook;

        public ChannelOutboxSignal? Inner { get; set; }

        public void InterfereOnNextCommit(Func<Task> hook) => _hook = hook;

        public void Committed(IReadOnlyList<Guid> outboxMessageIds)
        {
            Inner?.Committed(outboxMessageIds);
            if (Interlocked.Exchange(ref _hook, null) is { } hook) Task.Run(hook).GetAwaiter().GetResult();
        }
    }
}
