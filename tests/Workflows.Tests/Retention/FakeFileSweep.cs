using BackOffice.Workflows.Retention;

namespace BackOffice.Workflows.Tests.Retention;

/// <summary>Stands for the host's other stored files (the mailing batches): one "batch" mailing <see cref="RequestIds"/>.</summary>
public sealed class FakeFileSweep : IRetentionFileSweep
{
    public IReadOnlyCollection<Guid> RequestIds { get; set; } = [];

    /// <summary>The next call fails, as a file share that went away would.</summary>
    public bool Fail { get; set; }

    /// <summary>What each call was told: the cut-off day, whether the requests were reduced, and whether it was a dry run.</summary>
    public List<(DateOnly Before, bool Reduced, bool DryRun)> Calls { get; } = [];

    public async Task<int> SweepAsync(DateOnly before, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<bool>> requestsReduced, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestsReduced);
        if (Fail)
        {
            Fail = false;
            throw new IOException("The file share is not available.");
        }

        if (RequestIds.Count == 0) return 0;
        var reduced = await requestsReduced(RequestIds, cancellationToken);
        Calls.Add((before, reduced, dryRun));
        return reduced ? 1 : 0;
    }
}
