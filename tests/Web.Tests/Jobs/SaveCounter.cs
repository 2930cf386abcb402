using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>Counts the app's successful SaveChanges calls (each one commit), to see how many commits a piece of work costs.</summary>
public sealed class SaveCounter : SaveChangesInterceptor
{
    private int _saves;

    public int Saves => Volatile.Read(ref _saves);

    /// <summary>Run after each successful save (a test's fault injected right after a commit).</summary>
    public Action? AfterSave { get; set; }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Interlocked.Increment(ref _saves);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saves);
        AfterSave?.Invoke();
        return ValueTask.FromResult(result);
    }
}
