using System.Collections.Concurrent;
using BackOffice.Workflows.Retention;

namespace BackOffice.Workflows.Tests.Retention;

/// <summary>Stands for the document store: which files exist, which were deleted; can fail a deletion on request.</summary>
public sealed class FakeDocumentFiles : IStoredDocumentFiles
{
    private readonly ConcurrentDictionary<string, bool> _stored = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _deleted = new();

    public bool FailDeletes { get; set; }

    public IReadOnlyCollection<string> Deleted => _deleted.ToArray();

    public void Store(string key) => _stored[key] = true;

    public bool Exists(string key) => _stored.ContainsKey(key);

    public void Delete(string storageKey)
    {
        if (FailDeletes) throw new IOException("The file share is not available.");
        _stored.TryRemove(storageKey, out _);
        _deleted.Enqueue(storageKey);
    }
}
